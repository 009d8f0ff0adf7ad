/**
 * The userpass auth method, speaking HashiCorp Vault's {@code auth/userpass} HTTP API: users
 * with a bcrypt password hash and Vault's common {@code token_*} settings, a login endpoint
 * that reports a {@link io.coffer.sdk.logical.LoginResult} for the core to turn into a token,
 * and Vault's user lockout after repeated failed logins. The entry point is
 * {@link io.coffer.builtin.auth.userpass.UserpassBackendFactory}; the stored format is
 * explicit, versioned JSON described in {@code docs/storage-formats/userpass.md}.
 */
package io.coffer.builtin.auth.userpass;
