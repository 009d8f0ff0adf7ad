package io.coffer.cli.api;

import io.coffer.cli.json.JsonNumber;
import io.coffer.cli.json.JsonStruct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vault response envelope (Go's {@code api.Secret}): request and lease fields, {@code data},
 * {@code warnings}, {@code auth}, {@code wrap_info} and {@code mount_type}.
 *
 * <p>Immutable view over the decoded JSON. {@link #toJson()} re-creates the exact field set and
 * order that {@code vault -format=json} prints for a secret, dropping fields Go's struct does not
 * know.
 */
public final class Secret {
    private final String requestId;
    private final String leaseId;
    private final long leaseDuration;
    private final boolean renewable;
    private final Map<String, Object> data;
    private final List<String> warnings;
    private final Map<String, Object> auth;
    private final Map<String, Object> wrapInfo;
    private final String mountType;

    /** Creates a secret from its parts; {@code data}, {@code warnings}, {@code auth} may be null. */
    public Secret(
            String requestId,
            String leaseId,
            long leaseDuration,
            boolean renewable,
            Map<String, Object> data,
            List<String> warnings,
            Map<String, Object> auth,
            Map<String, Object> wrapInfo,
            String mountType) {
        this.requestId = requestId == null ? "" : requestId;
        this.leaseId = leaseId == null ? "" : leaseId;
        this.leaseDuration = leaseDuration;
        this.renewable = renewable;
        this.data = data;
        this.warnings = warnings;
        this.auth = auth;
        this.wrapInfo = wrapInfo;
        this.mountType = mountType == null ? "" : mountType;
    }

    /** Builds a secret from a decoded JSON object; fields of the wrong type are ignored. */
    public static Secret fromJson(Object json) {
        if (!(json instanceof Map<?, ?> raw)) {
            return new Secret("", "", 0, false, null, null, null, null, "");
        }
        Map<String, Object> m = asMap(raw);
        return new Secret(
                string(m.get("request_id")),
                string(m.get("lease_id")),
                longValue(m.get("lease_duration")),
                Boolean.TRUE.equals(m.get("renewable")),
                m.get("data") instanceof Map<?, ?> d ? asMap(d) : null,
                m.get("warnings") instanceof List<?> w ? strings(w) : null,
                m.get("auth") instanceof Map<?, ?> a ? asMap(a) : null,
                m.get("wrap_info") instanceof Map<?, ?> wi ? asMap(wi) : null,
                string(m.get("mount_type")));
    }

    /** Returns a secret with only an {@code auth} block, as the CLI builds after a login. */
    public static Secret ofAuth(Map<String, Object> auth) {
        return new Secret("", "", 0, false, null, null, auth, null, "");
    }

    public String requestId() {
        return requestId;
    }

    public String leaseId() {
        return leaseId;
    }

    public long leaseDuration() {
        return leaseDuration;
    }

    public boolean renewable() {
        return renewable;
    }

    /** Returns {@code data}, or null when the response had none. */
    public Map<String, Object> data() {
        return data;
    }

    /** Returns {@code warnings}, or null when the response had none. */
    public List<String> warnings() {
        return warnings;
    }

    /** Returns the {@code auth} block, or null. */
    public Map<String, Object> auth() {
        return auth;
    }

    /** Returns the {@code wrap_info} block, or null. */
    public Map<String, Object> wrapInfo() {
        return wrapInfo;
    }

    public String mountType() {
        return mountType;
    }

    /** True when {@code data} has at least one key. */
    public boolean hasData() {
        return data != null && !data.isEmpty();
    }

    /** True when there is at least one warning. */
    public boolean hasWarnings() {
        return warnings != null && !warnings.isEmpty();
    }

    /** Returns a copy with {@code data} replaced. */
    public Secret withData(Map<String, Object> newData) {
        return new Secret(
                requestId, leaseId, leaseDuration, renewable, newData, warnings, auth, wrapInfo, mountType);
    }

    /** Returns the Go {@code api.Secret} JSON shape (field order and omitempty as in Go). */
    public JsonStruct toJson() {
        JsonStruct s = new JsonStruct();
        s.put("request_id", requestId);
        s.put("lease_id", leaseId);
        s.put("lease_duration", leaseDuration);
        s.put("renewable", renewable);
        s.put("data", data);
        s.put("warnings", warnings);
        if (auth != null) {
            s.put("auth", authJson(auth));
        }
        if (wrapInfo != null) {
            s.put("wrap_info", wrapInfoJson(wrapInfo));
        }
        s.putOmitEmpty("mount_type", mountType);
        return s;
    }

    private static JsonStruct authJson(Map<String, Object> a) {
        JsonStruct s = new JsonStruct();
        s.put("client_token", string(a.get("client_token")));
        s.put("accessor", string(a.get("accessor")));
        s.put("policies", a.get("policies") instanceof List<?> l ? strings(l) : null);
        s.put("token_policies", a.get("token_policies") instanceof List<?> l ? strings(l) : null);
        s.put(
                "identity_policies", a.get("identity_policies") instanceof List<?> l ? strings(l) : null);
        s.put("metadata", a.get("metadata") instanceof Map<?, ?> m ? stringMap(m) : null);
        s.put("orphan", Boolean.TRUE.equals(a.get("orphan")));
        s.put("entity_id", string(a.get("entity_id")));
        s.put("lease_duration", longValue(a.get("lease_duration")));
        s.put("renewable", Boolean.TRUE.equals(a.get("renewable")));
        s.put("mfa_requirement", a.get("mfa_requirement"));
        return s;
    }

    private static JsonStruct wrapInfoJson(Map<String, Object> w) {
        JsonStruct s = new JsonStruct();
        s.put("token", string(w.get("token")));
        s.put("accessor", string(w.get("accessor")));
        s.put("ttl", longValue(w.get("ttl")));
        Object created = w.get("creation_time");
        s.put("creation_time", created == null ? "0001-01-01T00:00:00Z" : created);
        s.put("creation_path", string(w.get("creation_path")));
        s.put("wrapped_accessor", string(w.get("wrapped_accessor")));
        return s;
    }

    // ---- small typed helpers shared by commands ----

    /** Returns the value as a string ({@code ""} for null or non-strings). */
    public static String string(Object v) {
        return v instanceof String s ? s : "";
    }

    /** Returns the value as a long (numbers and numeric strings), else 0. */
    public static long longValue(Object v) {
        if (v instanceof JsonNumber n) {
            Long l = n.asLongOrNull();
            return l == null ? 0L : l;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }
        return 0L;
    }

    /** Returns the elements of a JSON array as strings (non-strings become their text). */
    public static List<String> strings(List<?> l) {
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(o == null ? "" : o.toString());
        }
        return out;
    }

    /** Returns a copy of a JSON object with string keys. */
    public static Map<String, Object> asMap(Map<?, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }

    private static Map<String, Object> stringMap(Map<?, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue() == null ? "" : e.getValue().toString());
        }
        return out;
    }
}
