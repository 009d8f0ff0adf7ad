/**
 * Shamir's secret sharing of the unseal key, in Vault's share format, with constant-time
 * GF(2^8) arithmetic. Entry point: {@link io.coffer.crypto.shamir.Shamir}.
 */
package io.coffer.crypto.shamir;
