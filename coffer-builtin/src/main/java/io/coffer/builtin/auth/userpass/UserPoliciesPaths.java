package io.coffer.builtin.auth.userpass;

import io.coffer.sdk.framework.FieldData;
import io.coffer.sdk.framework.FieldType;
import io.coffer.sdk.framework.Path;
import io.coffer.sdk.logical.Request;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.TokenParams;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code users/{username}/policies} (update): replaces an existing user's
 * {@code token_policies}, given as {@code token_policies} or the legacy {@code policies}
 * (which then also shows on reads). Neither given leaves them as they are. Other token
 * settings are untouched.
 */
final class UserPoliciesPaths {
    private static final String TOKEN_POLICIES = LegacyField.POLICIES.successor();
    private static final String POLICIES = LegacyField.POLICIES.wireName();

    private final UserpassContext ctx;

    UserPoliciesPaths(UserpassContext ctx) {
        this.ctx = ctx;
    }

    List<Path> paths() {
        return List.of(Path.builder("users/{" + UserFields.USERNAME + ":" + UserNames.PATTERN + "}/policies")
                .field(UserFields.USERNAME, FieldType.STRING, "Username for this user.")
                .field(TOKEN_POLICIES, FieldType.COMMA_STRING_SLICE, "Policies of the tokens issued")
                .field(POLICIES, FieldType.COMMA_STRING_SLICE, "Deprecated alias of token_policies")
                .write(this::update)
                .synopsis("Update the policies associated with a user.")
                .build());
    }

    private Response update(Request request, FieldData data) {
        data.validate();
        String name = UserPaths.name(data);
        UserpassStore store = ctx.store(request.storage());
        return ctx.locks().locked(name, () -> {
            UserEntry current = store.user(name);
            if (current == null) {
                throw UserPasswordPaths.noSuchUser();
            }
            store.putUser(name, apply(data, current));
            return Response.noContent();
        });
    }

    /** Vault's rule: {@code token_policies} wins; the legacy mark follows {@code policies}. */
    private static UserEntry apply(FieldData data, UserEntry current) {
        boolean modern = data.has(TOKEN_POLICIES);
        boolean legacy = data.has(POLICIES);
        if (!modern && !legacy) {
            return current;
        }
        List<String> policies = data.getStringList(modern ? TOKEN_POLICIES : POLICIES);
        TokenParams t = current.token();
        TokenParams token = UserFields.withLowerCasePolicies(new TokenParams(
                policies.stream().map(String::trim).filter(p -> !p.isEmpty()).toList(),
                t.ttl(), t.maxTtl(), t.explicitMaxTtl(), t.period(), t.numUses(), t.boundCidrs(), t.type(),
                t.noDefaultPolicy()));
        Set<LegacyField> marks = current.legacyFields().isEmpty()
                ? EnumSet.noneOf(LegacyField.class) : EnumSet.copyOf(current.legacyFields());
        if (legacy) {
            marks.add(LegacyField.POLICIES);
        } else {
            marks.remove(LegacyField.POLICIES);
        }
        return current.withToken(token, marks);
    }
}
