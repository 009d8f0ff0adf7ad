package io.coffer.core.token;

import java.util.List;
import java.util.Map;

/**
 * What a new token should look like after policy and privilege checks: the token store only
 * applies TTL rules and persists it.
 *
 * @param id              a caller-chosen id, or empty for a generated one
 * @param parent          the parent token id, empty for an orphan
 * @param ttl             requested TTL in seconds, 0 for the default
 * @param explicitMaxTtl  hard cap in seconds, 0 for none
 * @param period          periodic renewal window in seconds, 0 for none
 */
public record TokenCreateRequest(String id, String parent, List<String> policies, Map<String, String> meta,
                                 String displayName, int numUses, long ttl, long explicitMaxTtl, long period,
                                 boolean renewable, String path, String entityId, String role) {
}
