package io.coffer.cli.output;

import io.coffer.cli.api.Secret;
import io.coffer.cli.json.GoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints secrets, lists and plain data in the chosen {@link OutputFormat}, reproducing the vault
 * CLI's {@code OutputSecret}, {@code OutputList}, {@code OutputData} and {@code PrintRawField}.
 *
 * <p>Every method returns the command's exit code for what it printed (0, or 1 when the value
 * cannot be printed, such as a missing {@code -field}).
 */
public final class SecretPrinter {
    private final Ui ui;
    private final OutputFormat format;

    /** Creates a printer writing to {@code ui} in {@code format}. */
    public SecretPrinter(Ui ui, OutputFormat format) {
        this.ui = ui;
        this.format = format;
    }

    public OutputFormat format() {
        return format;
    }

    /** Prints a whole secret: a Key/Value table, or the Go {@code api.Secret} JSON. */
    public int outputSecret(Secret secret) {
        if (secret == null) {
            return 0;
        }
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(secret.toJson()));
            return 0;
        }
        printWarnings(secret);
        List<String> rows = new ArrayList<>();
        String d = " " + Columns.HOPE_DELIM + " ";
        if (secret.leaseDuration() > 0) {
            if (!secret.leaseId().isEmpty()) {
                rows.add("lease_id" + d + secret.leaseId());
                rows.add("lease_duration" + d + GoFormat.humanDuration(secret.leaseDuration()));
                rows.add("lease_renewable" + d + secret.renewable());
            } else {
                rows.add("refresh_interval" + d + GoFormat.humanDuration(secret.leaseDuration()));
            }
        }
        Map<String, Object> auth = secret.auth();
        if (auth != null) {
            rows.add("token" + d + Secret.string(auth.get("client_token")));
            rows.add("token_accessor" + d + Secret.string(auth.get("accessor")));
            long ttl = Secret.longValue(auth.get("lease_duration"));
            rows.add("token_duration" + d + (ttl == 0 ? "\u221e" : GoFormat.humanDuration(ttl)));
            rows.add("token_renewable" + d + Boolean.TRUE.equals(auth.get("renewable")));
            rows.add("token_policies" + d + GoFormat.quotedList(list(auth.get("token_policies"))));
            rows.add("identity_policies" + d + GoFormat.quotedList(list(auth.get("identity_policies"))));
            rows.add("policies" + d + GoFormat.quotedList(list(auth.get("policies"))));
            if (auth.get("metadata") instanceof Map<?, ?> meta) {
                for (Map.Entry<String, Object> e : sorted(meta).entrySet()) {
                    rows.add("token_meta_" + e.getKey() + d + GoFormat.value(e.getValue()));
                }
            }
        }
        Map<String, Object> wrap = secret.wrapInfo();
        if (wrap != null) {
            rows.add("wrapping_token:" + d + Secret.string(wrap.get("token")));
            rows.add("wrapping_accessor:" + d + Secret.string(wrap.get("accessor")));
            rows.add(
                    "wrapping_token_ttl:" + d + GoFormat.humanDuration(Secret.longValue(wrap.get("ttl"))));
            rows.add("wrapping_token_creation_time:" + d + GoFormat.value(wrap.get("creation_time")));
            rows.add("wrapping_token_creation_path:" + d + Secret.string(wrap.get("creation_path")));
            String wrapped = Secret.string(wrap.get("wrapped_accessor"));
            if (!wrapped.isEmpty()) {
                rows.add("wrapped_accessor:" + d + wrapped);
            }
        }
        if (secret.hasData()) {
            rows.addAll(mapRows(secret.data()));
        }
        if (rows.isEmpty()) {
            return 0;
        }
        rows.add(0, "Key" + Columns.HOPE_DELIM + "Value");
        ui.output(Columns.table(rows, Columns.HOPE_DELIM));
        return 0;
    }

    /**
     * Prints the {@code keys} of a LIST response: a {@code Keys} table, or the JSON array of keys
     * (the whole secret when {@code detailed}).
     */
    public int outputList(Secret secret, boolean detailed) {
        Object keys = secret.data() == null ? null : secret.data().get("keys");
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(detailed ? secret.toJson() : keys));
            return 0;
        }
        printWarnings(secret);
        if (!(keys instanceof List<?> list) || list.isEmpty()) {
            return 0;
        }
        List<String> sortedKeys = new ArrayList<>();
        for (Object o : list) {
            sortedKeys.add(String.valueOf(o));
        }
        sortedKeys.sort(GoJson.GO_STRING_ORDER);
        Map<String, Object> info = null;
        if (detailed && secret.data().get("key_info") instanceof Map<?, ?> ki && !ki.isEmpty()) {
            info = Secret.asMap(ki);
        }
        List<String> rows = new ArrayList<>();
        if (info == null) {
            rows.add("Keys");
            rows.addAll(sortedKeys);
        } else {
            TreeSet<String> headers = new TreeSet<>(GoJson.GO_STRING_ORDER);
            for (Map.Entry<String, Object> e : info.entrySet()) {
                if (sortedKeys.contains(e.getKey()) && e.getValue() instanceof Map<?, ?> values) {
                    for (Object k : values.keySet()) {
                        headers.add(String.valueOf(k));
                    }
                }
            }
            rows.add("Keys" + Columns.HOPE_DELIM + String.join(Columns.HOPE_DELIM, headers));
            for (String key : sortedKeys) {
                StringBuilder row = new StringBuilder(key);
                if (info.get(key) instanceof Map<?, ?> values) {
                    for (String h : headers) {
                        Object v = values.containsKey(h) ? values.get(h) : null;
                        String text;
                        if (!values.containsKey(h)) {
                            text = "n/a";
                        } else {
                            text = GoFormat.value(GoFormat.looksLikeDuration(h) ? GoFormat.humanDurationValue(v) : v);
                        }
                        row.append(Columns.HOPE_DELIM).append(text);
                    }
                }
                rows.add(row.toString());
            }
        }
        ui.output(Columns.table(rows, Columns.HOPE_DELIM));
        return 0;
    }

    /**
     * Prints plain data: a Key/Value table for a map, a {@code Keys} table for a list, and
     * indented JSON in JSON format.
     */
    public int outputData(Object data) {
        if (format == OutputFormat.JSON) {
            ui.output(GoJson.marshalIndent(data));
            return 0;
        }
        if (data instanceof Map<?, ?> map) {
            List<String> rows = mapRows(Secret.asMap(map));
            if (rows.isEmpty()) {
                return 0;
            }
            rows.add(0, "Key" + Columns.HOPE_DELIM + "Value");
            ui.output(Columns.table(rows, Columns.HOPE_DELIM));
            return 0;
        }
        if (data instanceof List<?> list) {
            Map<String, Object> d = new TreeMap<>();
            d.put("keys", list);
            return outputList(new Secret("", "", 0, false, d, null, null, null, ""), false);
        }
        ui.error("Could not parse output: cannot use the table formatter for this type");
        return 1;
    }

    /** Prints a table of sorted key/value rows (vault's table {@code OutputData} for a map). */
    private static List<String> mapRows(Map<String, Object> data) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, Object> e : sorted(data).entrySet()) {
            Object v = e.getValue();
            if (GoFormat.looksLikeDuration(e.getKey())) {
                v = GoFormat.humanDurationValue(v);
            }
            rows.add(e.getKey() + " " + Columns.HOPE_DELIM + " " + GoFormat.value(v));
        }
        return rows;
    }

    /**
     * Prints one field of a secret (vault's {@code RawField}: {@code token}, {@code lease_id},
     * {@code data} and friends, else a key of {@code data}).
     */
    public int printRawField(Secret secret, String field) {
        return printRawValue(rawField(secret, field), field);
    }

    /** Prints one key of a map, or reports that it is missing. */
    public int printRawField(Map<String, ?> data, String field) {
        return printRawValue(data == null ? null : data.get(field), field);
    }

    private int printRawValue(Object val, String field) {
        if (val == null) {
            ui.error("Field \"" + field + "\" not present in secret");
            return 1;
        }
        if (format == OutputFormat.TABLE) {
            ui.raw(GoFormat.value(val));
        } else {
            ui.raw(GoJson.marshalIndent(val));
        }
        return 0;
    }

    /** Returns the value {@code -field=NAME} selects from a secret, or null. */
    public static Object rawField(Secret secret, String field) {
        Map<String, Object> data = secret.data();
        Map<String, Object> auth = secret.auth();
        if (auth != null) {
            switch (field) {
                case "token":
                    return Secret.string(auth.get("client_token"));
                case "token_accessor":
                    return Secret.string(auth.get("accessor"));
                case "token_duration":
                    return Secret.longValue(auth.get("lease_duration"));
                case "token_renewable":
                    return Boolean.TRUE.equals(auth.get("renewable"));
                case "token_policies":
                    return list(auth.get("token_policies"));
                case "identity_policies":
                    return list(auth.get("identity_policies"));
                case "policies":
                    return list(auth.get("policies"));
                default:
                    return data == null ? null : data.get(field);
            }
        }
        if (secret.wrapInfo() != null) {
            Map<String, Object> w = secret.wrapInfo();
            switch (field) {
                case "wrapping_token":
                    return Secret.string(w.get("token"));
                case "wrapping_accessor":
                    return Secret.string(w.get("accessor"));
                case "wrapping_token_ttl":
                    return Secret.longValue(w.get("ttl"));
                case "wrapping_token_creation_time":
                    return w.get("creation_time");
                case "wrapping_token_creation_path":
                    return Secret.string(w.get("creation_path"));
                case "wrapped_accessor":
                    return Secret.string(w.get("wrapped_accessor"));
                default:
                    return data == null ? null : data.get(field);
            }
        }
        switch (field) {
            case "lease_duration":
            case "refresh_interval":
                return secret.leaseDuration();
            case "lease_id":
                return secret.leaseId();
            case "request_id":
                return secret.requestId();
            case "renewable":
                return secret.renewable();
            case "data":
                if (data != null && data.containsKey("data")) {
                    return data.get("data");
                }
                return data;
            default:
                return data == null ? null : data.get(field);
        }
    }

    /** Prints the server's warnings to standard error, as vault's table output does. */
    public void printWarnings(Secret secret) {
        if (secret != null && secret.hasWarnings()) {
            ui.warn("WARNING! The following warnings were returned from Coffer:\n");
            for (String w : secret.warnings()) {
                ui.warn(TextWrap.wrapWithPadding("* " + w, 2));
                ui.warn("");
            }
        }
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : null;
    }

    private static Map<String, Object> sorted(Map<?, ?> m) {
        TreeMap<String, Object> t = new TreeMap<>(GoJson.GO_STRING_ORDER);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            t.put(String.valueOf(e.getKey()), e.getValue());
        }
        return t;
    }
}
