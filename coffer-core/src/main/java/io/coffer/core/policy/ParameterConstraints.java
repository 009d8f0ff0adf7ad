package io.coffer.core.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compiled {@code required_parameters}, {@code allowed_parameters} and
 * {@code denied_parameters} of one path, enforced on request data as Vault enforces them.
 *
 * <p>In order: every required name must be a key of the data; empty data is then permitted; a
 * denied {@code "*"} refuses any data; a parameter whose value matches its denied list refuses the
 * request; with allowed names set, every parameter must be allowed (or {@code "*"} be allowed) and
 * match its allowed list. Parameter names are compared lower-cased; the values of
 * {@code policies} and {@code token_policies} are lower-cased before matching (Vault stores them
 * so). Immutable.
 */
final class ParameterConstraints {

    static final ParameterConstraints NONE = new ParameterConstraints(new String[0], Map.of(), Map.of());

    private static final String ALL = "*";

    private final String[] required;
    private final Map<String, ValueList> allowed;
    private final Map<String, ValueList> denied;
    private final boolean allowedAll;
    private final boolean deniedAll;
    private final boolean unconstrained;

    private ParameterConstraints(String[] required, Map<String, ValueList> allowed, Map<String, ValueList> denied) {
        this.required = required;
        this.allowed = allowed;
        this.denied = denied;
        this.allowedAll = allowed.containsKey(ALL);
        this.deniedAll = denied.containsKey(ALL);
        this.unconstrained = required.length == 0 && allowed.isEmpty() && denied.isEmpty();
    }

    static ParameterConstraints of(Collection<String> required, Map<String, List<Object>> allowed, Map<String, List<Object>> denied) {
        if (required.isEmpty() && allowed.isEmpty() && denied.isEmpty()) {
            return NONE;
        }
        String[] req = required.stream().map(r -> r.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        return new ParameterConstraints(req, compile(allowed), compile(denied));
    }

    private static Map<String, ValueList> compile(Map<String, List<Object>> lists) {
        Map<String, ValueList> out = new HashMap<>();
        lists.forEach((name, values) -> out.put(name.toLowerCase(Locale.ROOT), new ValueList(values)));
        return Map.copyOf(out);
    }

    boolean permits(Map<String, ?> data) {
        if (unconstrained) {
            return true;
        }
        for (String name : required) {
            if (data == null || !data.containsKey(name)) {
                return false;
            }
        }
        if (data == null || data.isEmpty()) {
            return true;
        }
        if (!denied.isEmpty()) {
            if (deniedAll) {
                return false;
            }
            for (Map.Entry<String, ?> e : data.entrySet()) {
                String name = lower(e.getKey());
                ValueList list = denied.get(name);
                if (list != null && list.denies(e.getValue(), folds(name))) {
                    return false;
                }
            }
        }
        if (allowed.isEmpty() || (allowedAll && allowed.size() == 1)) {
            return true;
        }
        for (Map.Entry<String, ?> e : data.entrySet()) {
            String name = lower(e.getKey());
            ValueList list = allowed.get(name);
            if (list == null) {
                if (!allowedAll) {
                    return false;
                }
            } else if (!list.allows(e.getValue(), folds(name))) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases without allocating when the name is lower-case already. */
    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    private static boolean folds(String name) {
        return "policies".equals(name) || "token_policies".equals(name);
    }
}
