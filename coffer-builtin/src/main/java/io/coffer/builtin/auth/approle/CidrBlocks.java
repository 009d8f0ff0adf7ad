package io.coffer.builtin.auth.approle;

import io.coffer.sdk.framework.Cidrs;

import java.util.List;

/**
 * CIDR-list rules of the AppRole method on top of {@link Cidrs}: validation of a whole list and
 * the subset relation Vault requires between a secret ID's blocks and its role's. A bare address
 * is a single-host block ({@code /32} or {@code /128}). Stateless.
 */
final class CidrBlocks {
    private CidrBlocks() {
    }

    /** Whether every entry of {@code cidrs} is a valid block or address. */
    static boolean allValid(List<String> cidrs) {
        return cidrs.stream().allMatch(Cidrs::isValid);
    }

    /**
     * Whether every block of {@code inner} lies inside some block of {@code outer}; anything is a
     * subset of an empty {@code outer} (no restriction), and an empty {@code inner} is a subset of
     * anything. Blocks of different address families never contain each other.
     */
    static boolean isSubset(List<String> inner, List<String> outer) {
        if (outer.isEmpty()) {
            return true;
        }
        for (String block : inner) {
            if (!contained(block.trim(), outer)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contained(String block, List<String> outer) {
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        int prefix = slash < 0 ? maxPrefix(address) : parsePrefix(block.substring(slash + 1));
        for (String candidate : outer) {
            String c = candidate.trim();
            int cSlash = c.indexOf('/');
            int cPrefix = cSlash < 0 ? maxPrefix(c) : parsePrefix(c.substring(cSlash + 1));
            // every address of a block shares its first `prefix` bits, so when the candidate's
            // prefix is no longer, one address decides containment of the whole block
            if (cPrefix >= 0 && prefix >= cPrefix && Cidrs.allows(List.of(c), address)) {
                return true;
            }
        }
        return false;
    }

    private static int maxPrefix(String address) {
        return address.contains(":") ? 128 : 32;
    }

    private static int parsePrefix(String text) {
        return text.matches("[0-9]{1,3}") ? Integer.parseInt(text) : -1;
    }
}
