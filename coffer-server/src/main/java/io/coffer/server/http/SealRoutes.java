package io.coffer.server.http;

import io.coffer.core.CofferVersion;
import io.coffer.core.Core;
import io.coffer.core.seal.InitRequest;
import io.coffer.core.seal.InitResult;
import io.coffer.core.seal.RekeyStatus;
import io.coffer.core.seal.SealStatus;
import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldSchema;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seal lifecycle routes: {@code sys/init}, {@code sys/seal-status} and {@code sys/unseal},
 * which work while sealed and answer bare JSON; {@code sys/rekey/*}; and {@code sys/seal}, which
 * needs a sudo token and answers 204.
 */
final class SealRoutes {
    private static final Map<String, FieldSchema> INIT_FIELDS = Schemas.of(
            FieldSchema.of("secret_shares", FieldType.INT, ""), FieldSchema.of("secret_threshold", FieldType.INT, ""),
            FieldSchema.of("pgp_keys", FieldType.COMMA_STRING_SLICE, ""), FieldSchema.of("root_token_pgp_key", FieldType.STRING, ""),
            FieldSchema.of("stored_shares", FieldType.INT, ""), FieldSchema.of("recovery_shares", FieldType.INT, ""),
            FieldSchema.of("recovery_threshold", FieldType.INT, ""), FieldSchema.of("recovery_pgp_keys", FieldType.COMMA_STRING_SLICE, ""));
    private static final Map<String, FieldSchema> REKEY_INIT_FIELDS = Schemas.of(
            FieldSchema.of("secret_shares", FieldType.INT, ""), FieldSchema.of("secret_threshold", FieldType.INT, ""),
            FieldSchema.of("pgp_keys", FieldType.COMMA_STRING_SLICE, ""), FieldSchema.of("backup", FieldType.BOOL, ""),
            FieldSchema.of("require_verification", FieldType.BOOL, ""));
    private static final Map<String, FieldSchema> REKEY_UPDATE_FIELDS = Schemas.of(
            FieldSchema.of("key", FieldType.STRING, ""), FieldSchema.of("nonce", FieldType.STRING, ""));
    private static final Map<String, FieldSchema> UNSEAL_FIELDS = Schemas.of(
            FieldSchema.of("key", FieldType.STRING, ""), FieldSchema.of("reset", FieldType.BOOL, ""),
            FieldSchema.of("migrate", FieldType.BOOL, ""));

    private final Core core;
    private final JsonBodies bodies;
    private final HttpExchange out;
    private final long maxBodyBytes;
    private final String clusterName;

    SealRoutes(Core core, JsonBodies bodies, HttpExchange out, long maxBodyBytes, String clusterName) {
        this.core = core;
        this.bodies = bodies;
        this.out = out;
        this.maxBodyBytes = maxBodyBytes;
        this.clusterName = clusterName;
    }

    void initStatus(Response response, Callback callback) {
        out.writeJson(response, callback, 200, Map.of("initialized", core.isInitialized()));
    }

    void init(Request request, Response response, Callback callback) {
        FieldData d = new FieldData(bodies.parse(RequestBody.read(request, maxBodyBytes)), INIT_FIELDS);
        d.validate();
        if (d.getInt("recovery_shares") != 0 || d.getInt("recovery_threshold") != 0 || !d.getStringList("recovery_pgp_keys").isEmpty()) {
            throw new InvalidRequestException("parameters specific to auto unseal seals present");
        }
        InitResult result = core.initialize(new InitRequest(d.getInt("secret_shares"), d.getInt("secret_threshold"),
                d.getStringList("pgp_keys"), d.getString("root_token_pgp_key")));
        Map<String, Object> body = new LinkedHashMap<>();
        putKeys(body, result.shares());
        body.put("root_token", result.rootToken());
        out.writeJson(response, callback, 200, body);
    }

    void rekeyStatus(Response response, Callback callback) {
        out.writeJson(response, callback, 200, rekey(core.rekeyStatus()));
    }

    void rekeyInit(Request request, Response response, Callback callback) {
        FieldData d = new FieldData(bodies.parse(RequestBody.read(request, maxBodyBytes)), REKEY_INIT_FIELDS);
        d.validate();
        if (d.getBool("backup")) {
            throw new InvalidRequestException("backup of PGP-encrypted rekey shares is not supported");
        }
        if (d.getBool("require_verification")) {
            throw new InvalidRequestException("rekey verification is not supported");
        }
        out.writeJson(response, callback, 200,
                rekey(core.rekeyInit(d.getInt("secret_shares"), d.getInt("secret_threshold"), d.getStringList("pgp_keys"))));
    }

    void rekeyCancel(Response response, Callback callback) {
        core.rekeyCancel();
        out.writeEmpty(response, callback, 204);
    }

    void rekeyUpdate(Request request, Response response, Callback callback) {
        FieldData d = new FieldData(bodies.parse(RequestBody.read(request, maxBodyBytes)), REKEY_UPDATE_FIELDS);
        d.validate();
        String key = d.getString("key");
        if (key.isEmpty()) {
            throw new InvalidRequestException("'key' must be specified in request body as JSON");
        }
        byte[] share = decodeKey(key);
        try {
            out.writeJson(response, callback, 200, rekey(core.rekeyUpdate(share, d.getString("nonce"))));
        } finally {
            Arrays.fill(share, (byte) 0);
        }
    }

    private static Map<String, Object> rekey(RekeyStatus s) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("nonce", s.nonce());
        if (s.complete()) {
            b.put("complete", true);
            putKeys(b, s.keys());
        } else {
            b.put("started", s.started());
            b.put("t", s.threshold());
            b.put("n", s.shares());
            b.put("progress", s.progress());
            b.put("required", s.required());
        }
        b.put("pgp_fingerprints", s.pgpFingerprints().isEmpty() ? null : s.pgpFingerprints());
        b.put("backup", false);
        b.put("verification_required", false);
        return b;
    }

    /** Renders shares as Vault does: {@code keys} in hex, {@code keys_base64}; zeroes them. */
    private static void putKeys(Map<String, Object> body, List<byte[]> shares) {
        List<String> hex = new ArrayList<>();
        List<String> b64 = new ArrayList<>();
        for (byte[] share : shares) {
            hex.add(HexFormat.of().formatHex(share));
            b64.add(Base64.getEncoder().encodeToString(share));
            Arrays.fill(share, (byte) 0);
        }
        body.put("keys", hex);
        body.put("keys_base64", b64);
    }

    void sealStatus(Response response, Callback callback) {
        out.writeJson(response, callback, 200, status(core.sealStatus()));
    }

    void unseal(Request request, Response response, Callback callback) {
        FieldData d = new FieldData(bodies.parse(RequestBody.read(request, maxBodyBytes)), UNSEAL_FIELDS);
        d.validate();
        SealStatus status;
        if (d.getBool("reset")) {
            status = core.resetUnseal();
        } else {
            String key = d.getString("key");
            if (key.isEmpty()) {
                throw new InvalidRequestException("'key' must be specified in request body as JSON, or 'reset' set to true");
            }
            byte[] share = decodeKey(key);
            try {
                status = core.unseal(share);
            } finally {
                Arrays.fill(share, (byte) 0);
            }
        }
        out.writeJson(response, callback, 200, status(status));
    }

    void seal(Request request, Response response, Callback callback, String token) {
        core.sealAuthorized(token, VaultHandler.clientAddress(request));
        out.writeEmpty(response, callback, 204);
    }

    private Map<String, Object> status(SealStatus s) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "shamir");
        b.put("initialized", s.initialized());
        b.put("sealed", s.sealed());
        b.put("t", s.threshold());
        b.put("n", s.shares());
        b.put("progress", s.progress());
        b.put("nonce", s.nonce());
        b.put("version", CofferVersion.VERSION);
        b.put("build_date", CofferVersion.BUILD_DATE);
        b.put("migration", false);
        if (!s.sealed()) {
            b.put("cluster_name", clusterName);
            b.put("cluster_id", core.clusterId());
        }
        b.put("recovery_seal", false);
        b.put("storage_type", core.storageType());
        return b;
    }

    /** A share in hex, else in standard base64; anything else is refused without echoing it. */
    static byte[] decodeKey(String key) {
        String k = key.trim();
        if (k.length() % 2 == 0 && k.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(k);
        }
        try {
            return Base64.getDecoder().decode(k);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'key' must be a valid hex or base64 string");
        }
    }
}
