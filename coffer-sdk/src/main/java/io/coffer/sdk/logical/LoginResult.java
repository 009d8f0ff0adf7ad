package io.coffer.sdk.logical;

import java.util.Map;
import java.util.Objects;

/**
 * A successful login as an auth method reports it; the core turns it into a token (and an
 * identity entity with an alias for {@code aliasName} on this mount) and answers with the
 * {@code auth} block. Carries no secret: the method has already checked the credentials.
 *
 * @param aliasName     the name the identity alias gets (the user name, the role id)
 * @param aliasMetadata metadata recorded on the alias
 * @param displayName   the token's display name (the core prefixes the mount path)
 * @param metadata      the token's metadata ({@code auth.metadata})
 * @param token         the token to create
 */
public record LoginResult(String aliasName, Map<String, String> aliasMetadata, String displayName,
                          Map<String, String> metadata, TokenParams token) {
    public LoginResult {
        Objects.requireNonNull(aliasName, "aliasName");
        aliasMetadata = aliasMetadata == null ? Map.of() : Map.copyOf(aliasMetadata);
        displayName = displayName == null ? "" : displayName;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Objects.requireNonNull(token, "token");
    }
}
