package io.coffer.core.lease;

import io.coffer.core.token.TokenEntry;
import io.coffer.core.token.TokenStore;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The leases Coffer has: those of its tokens (no secrets engine issues leases yet). As in Vault,
 * a token's lease id is its creation path, a slash, {@code h} and its salted id (the HMAC under
 * which the token is stored), e.g. {@code auth/token/create/h3f…} or
 * {@code auth/userpass/login/h9a…}; the root tokens of {@code sys/init} and generate-root
 * (path {@code auth/token/root}) have none. Nothing is stored for a lease: it is derived from
 * the token entry, so the two can never disagree.
 */
public final class TokenLeases {
    private static final String ROOT_PATH = "auth/token/root";

    private final TokenStore tokens;

    public TokenLeases(TokenStore tokens) {
        this.tokens = tokens;
    }

    /** The lease id of {@code entry}, or {@code null} when the token has no lease. */
    public String leaseId(TokenEntry entry) {
        if (entry.path().isEmpty() || entry.path().equals(ROOT_PATH)) {
            return null;
        }
        return entry.path() + "/h" + tokens.saltedId(entry);
    }

    /** The valid token whose lease is {@code leaseId}, or {@code null}. */
    public TokenEntry find(String leaseId) {
        int slash = leaseId.lastIndexOf('/');
        if (slash <= 0 || slash + 2 > leaseId.length() || leaseId.charAt(slash + 1) != 'h') {
            return null;
        }
        TokenEntry entry = tokens.lookupBySaltedId(leaseId.substring(slash + 2));
        return entry != null && leaseId.equals(leaseId(entry)) ? entry : null;
    }

    /**
     * One level of the lease tree below {@code prefix} (which ends in {@code /} or is empty), as a
     * storage listing shows it: lease id remainders, and next path segments with a trailing
     * {@code /}; sorted.
     */
    public List<String> list(String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        for (String id : validLeaseIds()) {
            if (id.startsWith(prefix)) {
                String rest = id.substring(prefix.length());
                int slash = rest.indexOf('/');
                keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Revokes every token whose lease id starts with {@code prefix}, each with its children.
     * As Vault does, a prefix without a trailing slash that is itself a lease id revokes that
     * lease only; otherwise it is taken as a path and a slash is added.
     *
     * @return how many tokens matched (children revoked with them are not counted)
     */
    public int revokePrefix(String prefix) {
        if (!prefix.endsWith("/")) {
            TokenEntry exact = find(prefix);
            if (exact != null) {
                tokens.revokeTree(exact);
                return 1;
            }
            prefix = prefix + "/";
        }
        int count = 0;
        for (TokenEntry e : tokens.all()) {
            String id = leaseId(e);
            if (id != null && id.startsWith(prefix)) {
                TokenEntry current = tokens.stored(e.id());
                if (current != null) {
                    tokens.revokeTree(current);
                    count++;
                }
            }
        }
        return count;
    }

    private List<String> validLeaseIds() {
        long now = tokens.nowSeconds();
        List<String> ids = new ArrayList<>();
        for (TokenEntry e : tokens.all()) {
            String id = leaseId(e);
            if (id != null && !e.expiredAt(now) && e.numUses() >= 0) {
                ids.add(id);
            }
        }
        return ids;
    }
}
