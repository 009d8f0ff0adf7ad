package io.coffer.core.policy;

/**
 * The names of Vault's two built-in policies and the text of {@code default}.
 *
 * <p>{@code root} is virtual: it has no text and {@link Acl#root()} implements it. The
 * {@code default} text grants what Vault's built-in default policy grants, so that every non-root
 * token can look itself up, renew and revoke itself, query its own capabilities, use its
 * cubbyhole, response-wrap and hash. Its identity-templated paths are kept as Vault ships them;
 * Coffer does not render templates, so {@link Acl} ignores those two rules.
 */
public final class BuiltinPolicies {

    /** The name of the built-in root policy. */
    public static final String ROOT = "root";

    /** The name of the built-in default policy. */
    public static final String DEFAULT = "default";

    /** The HCL text the {@code default} policy is created with. */
    public static final String DEFAULT_POLICY_TEXT = """
            # The token may look up its own properties.
            path "auth/token/lookup-self" {
                capabilities = ["read"]
            }

            # The token may renew itself.
            path "auth/token/renew-self" {
                capabilities = ["update"]
            }

            # The token may revoke itself.
            path "auth/token/revoke-self" {
                capabilities = ["update"]
            }

            # The token may ask which capabilities it has on a path.
            path "sys/capabilities-self" {
                capabilities = ["update"]
            }

            # The token may read its own identity entity, by id and by name.
            path "identity/entity/id/{{identity.entity.id}}" {
                capabilities = ["read"]
            }
            path "identity/entity/name/{{identity.entity.name}}" {
                capabilities = ["read"]
            }

            # The UI may read the token's resultant ACL.
            path "sys/internal/ui/resultant-acl" {
                capabilities = ["read"]
            }

            # The token may renew leases it was given (old and current endpoint).
            path "sys/renew" {
                capabilities = ["update"]
            }
            path "sys/leases/renew" {
                capabilities = ["update"]
            }

            # The token may look up a lease whose id it already knows.
            path "sys/leases/lookup" {
                capabilities = ["update"]
            }

            # The token owns its cubbyhole.
            path "cubbyhole/*" {
                capabilities = ["create", "read", "update", "delete", "list"]
            }

            # Response wrapping: wrap values, look up and unwrap wrapping tokens.
            path "sys/wrapping/wrap" {
                capabilities = ["update"]
            }
            path "sys/wrapping/lookup" {
                capabilities = ["update"]
            }
            path "sys/wrapping/unwrap" {
                capabilities = ["update"]
            }

            # General-purpose hashing.
            path "sys/tools/hash" {
                capabilities = ["update"]
            }
            path "sys/tools/hash/*" {
                capabilities = ["update"]
            }

            # Status of a control group request whose accessor the token holds.
            path "sys/control-group/request" {
                capabilities = ["update"]
            }

            # Authorization endpoint of OIDC providers.
            path "identity/oidc/provider/+/authorize" {
                capabilities = ["read", "update"]
            }

            # Answering a login MFA challenge.
            path "sys/mfa/challenge" {
                capabilities = ["update"]
            }
            """;

    private BuiltinPolicies() {
    }
}
