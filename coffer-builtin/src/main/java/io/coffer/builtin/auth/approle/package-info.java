/**
 * The AppRole auth method, speaking HashiCorp Vault's {@code auth/approle} HTTP API: roles with
 * token settings, role IDs, secret IDs (generated or custom, with use counts, TTLs and CIDR
 * bindings) and the {@code login} endpoint that trades a role ID and secret ID for a token. The
 * entry point is {@link io.coffer.builtin.auth.approle.AppRoleBackendFactory}; secret IDs are kept
 * only as HMACs; the stored format is explicit, versioned JSON described in
 * {@code docs/storage-formats/approle.md}.
 */
package io.coffer.builtin.auth.approle;
