/**
 * The Coffer load generator ({@code coffer bench}): drives a Vault-compatible server over
 * keep-alive HTTP/1.1 with a hand-written blocking-socket client and reports throughput and
 * latency per scenario and client count.
 *
 * <p>Flow: {@link io.coffer.bench.BenchCommand} parses options into
 * {@link io.coffer.bench.BenchSettings}; a session builds {@link io.coffer.bench.Scenario}s
 * (pre-encoded {@link io.coffer.bench.EncodedRequest}s; the login scenarios after a set-up on the
 * server by {@link io.coffer.bench.LoginScenarios}, with a {@link io.coffer.bench.ResponseCheck}
 * that requires a client token), seeds KV keys, and runs each scenario
 * through {@link io.coffer.bench.LoadRunner}, whose client threads each own a
 * {@link io.coffer.bench.KeepAliveHttpClient}, a {@link io.coffer.bench.LatencyHistogram} and
 * {@link io.coffer.bench.ErrorCounts}; {@link io.coffer.bench.TableReport} or
 * {@link io.coffer.bench.JsonReport} prints the {@link io.coffer.bench.RunResult}s.
 */
package io.coffer.bench;
