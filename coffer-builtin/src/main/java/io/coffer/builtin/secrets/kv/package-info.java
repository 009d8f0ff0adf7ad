/**
 * The KV secrets engine, versions 1 and 2, speaking HashiCorp Vault's KV HTTP API. The entry
 * point is {@link io.coffer.builtin.secrets.kv.KvBackendFactory}; the stored format is explicit,
 * versioned JSON described in {@code docs/storage-formats/kv.md}.
 */
package io.coffer.builtin.secrets.kv;
