package io.coffer.core.policy;

import io.coffer.core.hcl.Hcl;
import io.coffer.core.hcl.HclObject;
import io.coffer.core.hcl.HclSyntaxException;
import io.coffer.sdk.logical.exception.InvalidRequestException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Parses Vault ACL policy text (HCL or JSON, optionally base64-encoded) into a {@link Policy}.
 *
 * <p>Guarantees: text whose first non-blank character is <code>{</code> is read as JSON,
 * anything else as HCL; when the text is valid standard base64 (line breaks ignored, as Go does)
 * decoding to UTF-8 that parses, the decoded text is used; empty text is an empty policy; any
 * failure is an {@link InvalidRequestException} with message {@code failed to parse policy:
 * <reason>}, the reason quoting at most a few characters of the input. Stateless and
 * thread-safe.
 */
public final class PolicyParser {

    private final PathRuleReader ruleReader = new PathRuleReader();

    /**
     * Parses {@code text} as the policy {@code name} (kept as given).
     *
     * @throws InvalidRequestException if the text is not a valid policy
     */
    public Policy parse(String name, String text) {
        Objects.requireNonNull(name, "name");
        if (text == null) {
            throw failure("no policy text");
        }
        String decoded = decodeBase64(text);
        if (decoded != null) {
            try {
                return new Policy(name, decoded, rules(decoded));
            } catch (PolicySyntaxException | HclSyntaxException decodedFailure) {
                try {
                    return new Policy(name, text, rules(text));
                } catch (PolicySyntaxException | HclSyntaxException ignored) {
                    throw failure(decodedFailure.getMessage());
                }
            }
        }
        try {
            return new Policy(name, text, rules(text));
        } catch (PolicySyntaxException | HclSyntaxException e) {
            throw failure(e.getMessage());
        }
    }

    private List<PathRule> rules(String text) {
        HclObject tree = Hcl.looksLikeJson(text) ? Hcl.parseJson(text) : Hcl.parse(text);
        return ruleReader.read(tree);
    }

    /** The UTF-8 text {@code text} encodes in standard base64, or {@code null}. */
    static String decodeBase64(String text) {
        String compact = text.replace("\r", "").replace("\n", "");
        if (compact.isEmpty() || compact.length() % 4 != 0) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static InvalidRequestException failure(String reason) {
        return new InvalidRequestException("failed to parse policy: " + reason);
    }
}
