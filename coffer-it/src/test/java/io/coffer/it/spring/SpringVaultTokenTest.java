package io.coffer.it.spring;

import io.coffer.it.http.DevServerExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.vault.VaultException;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.core.VaultTokenOperations;
import org.springframework.vault.support.Policy;
import org.springframework.vault.support.Policy.BuiltinCapabilities;
import org.springframework.vault.support.Policy.Rule;
import org.springframework.vault.support.VaultResponse;
import org.springframework.vault.support.VaultToken;
import org.springframework.vault.support.VaultTokenRequest;
import org.springframework.vault.support.VaultTokenResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.coffer.it.spring.SpringVault.vaultError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token lifecycle through Spring Vault: create a token with a policy, use it from a second
 * {@link VaultTemplate} (allowed and denied paths), look it up, renew and revoke it.
 */
class SpringVaultTokenTest {
    private static final String POLICY = "spring-app-read";
    private static final String CHILD_CREATOR = "spring-child-creator";

    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static SpringVault spring;
    private static VaultTemplate root;
    private static VaultTokenOperations tokens;

    @BeforeAll
    static void setUp() {
        spring = new SpringVault(SERVER.address());
        root = spring.template(SERVER.rootToken());
        tokens = root.opsForToken();
        root.opsForSys().createOrUpdatePolicy(POLICY, Policy.of(
                Rule.builder().path("secret/data/app").capabilities(BuiltinCapabilities.READ).build(),
                Rule.builder().path("secret/data/app-rw/*").capabilities(BuiltinCapabilities.crud()).build()));
        root.opsForSys().createOrUpdatePolicy(CHILD_CREATOR, Policy.of(
                Rule.builder().path("auth/token/create").capabilities(BuiltinCapabilities.UPDATE).build()));
        root.opsForVersionedKeyValue("secret").put("app", Map.of("db", "postgres"));
        root.opsForVersionedKeyValue("secret").put("other", Map.of("db", "mysql"));
    }

    @AfterAll
    static void tearDown() {
        spring.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static VaultToken createAppToken() {
        VaultTokenResponse created = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).renewable()
                .ttl(Duration.ofHours(1)).displayName("spring").meta(Map.of("team", "it")).build());
        return created.getToken();
    }

    @Test
    void create_withPolicyAndTtl_returnsAuthBlock() {
        VaultTokenResponse created = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).ttl(Duration.ofMinutes(30))
                .renewable().build());

        assertThat(created.getToken().getToken()).isNotEmpty();
        assertThat(created.getToken().getToken().equals(SERVER.rootToken())).as("a new token, not the root token").isFalse();
        Map<String, Object> auth = created.getAuth();
        assertThat(auth).isNotNull();
        assertThat(list(auth.get("policies"))).containsExactly("default", POLICY);
        assertThat(((Number) auth.get("lease_duration")).longValue()).isEqualTo(1800L);
        assertThat(auth.get("renewable")).isEqualTo(true);
        assertThat(auth.get("token_type")).isEqualTo("service");
        assertThat((String) auth.get("accessor")).hasSize(24);
        assertThat(created.getData()).isNull();
    }

    @Test
    void newToken_readsWhatPolicyAllows() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        assertThat(app.opsForVersionedKeyValue("secret").get("app").getRequiredData()).containsEntry("db", "postgres");
    }

    @Test
    void newToken_readOutsidePolicy_isDenied403() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        VaultException e = vaultError(() -> app.opsForVersionedKeyValue("secret").get("other"));

        assertThat(e.getMessage()).contains("403").contains("permission denied");
    }

    @Test
    void newToken_writeWithReadOnlyCapability_isDenied403AndNothingWritten() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        VaultException e = vaultError(() -> app.opsForVersionedKeyValue("secret").put("app", Map.of("db", "hacked")));

        assertThat(e.getMessage()).contains("403").contains("permission denied");
        assertThat(root.opsForVersionedKeyValue("secret").get("app").getRequiredData()).containsEntry("db", "postgres");
    }

    @Test
    void newToken_crudGlob_allowsWriteReadDelete() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        app.opsForVersionedKeyValue("secret").put("app-rw/cache", Map.of("host", "redis"));

        assertThat(app.opsForVersionedKeyValue("secret").get("app-rw/cache").getRequiredData()).containsEntry("host", "redis");
        app.opsForVersionedKeyValue("secret").delete("app-rw/cache");
        assertThat(root.opsForVersionedKeyValue("secret").get("app-rw/cache").hasData()).isFalse();
    }

    @Test
    void newToken_sysMounts_isDenied() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        VaultException e = vaultError(() -> app.opsForSys().getMounts());

        assertThat(e.getMessage()).contains("permission denied");
    }

    @Test
    void lookupSelf_rootTemplate_describesRootToken() {
        VaultResponse self = root.read("auth/token/lookup-self");

        Map<String, Object> data = self.getRequiredData();
        assertThat(list(data.get("policies"))).containsExactly("root");
        assertThat(data.get("display_name")).isEqualTo("root");
        assertThat(data.get("path")).isEqualTo("auth/token/root");
        assertThat(((Number) data.get("ttl")).longValue()).isZero();
        assertThat(data.get("expire_time")).isNull();
        assertThat(SERVER.rootToken().equals(data.get("id"))).as("lookup-self id is the caller's token").isTrue();
    }

    @Test
    void lookupSelf_newToken_describesPolicyTtlAndMeta() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        Map<String, Object> data = app.read("auth/token/lookup-self").getRequiredData();

        assertThat(list(data.get("policies"))).containsExactly("default", POLICY);
        assertThat(data.get("display_name")).isEqualTo("token-spring");
        assertThat(data.get("path")).isEqualTo("auth/token/create");
        assertThat(data.get("meta")).isEqualTo(Map.of("team", "it"));
        assertThat(((Number) data.get("ttl")).longValue()).isBetween(3500L, 3600L);
        assertThat(((Number) data.get("creation_ttl")).longValue()).isEqualTo(3600L);
        assertThat(data.get("renewable")).isEqualTo(true);
        assertThat(data.get("orphan")).isEqualTo(false);
        assertThat(data.get("type")).isEqualTo("service");
    }

    @Test
    void renew_newToken_returnsRenewedAuth() {
        VaultToken token = createAppToken();

        VaultTokenResponse renewed = tokens.renew(token);

        Map<String, Object> auth = renewed.getAuth();
        assertThat(auth).isNotNull();
        assertThat(((Number) auth.get("lease_duration")).longValue()).isBetween(3500L, 3600L);
        assertThat(auth.get("renewable")).isEqualTo(true);
        assertThat(list(auth.get("policies"))).contains(POLICY);
        Map<String, Object> looked = spring.template(token.getToken()).read("auth/token/lookup-self").getRequiredData();
        assertThat(looked).containsKey("last_renewal_time");
    }

    @Test
    void renewSelf_throughRawTemplate_withIncrement() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        VaultResponse renewed = app.write("auth/token/renew-self", Map.of("increment", "20m"));

        assertThat(((Number) renewed.getAuth().get("lease_duration")).longValue()).isEqualTo(1200L);
        assertThat(((Number) app.read("auth/token/lookup-self").getRequiredData().get("ttl")).longValue()).isBetween(1100L, 1200L);
    }

    @Test
    void create_springBuilderDefaults_sendsRenewableFalseAndTokenIsNotRenewable() {
        VaultTokenResponse created = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).build());

        assertThat(created.getAuth().get("renewable")).isEqualTo(false);
        assertThat(((Number) created.getAuth().get("lease_duration")).longValue()).isEqualTo(2_764_800L);
        VaultException e = vaultError(() -> tokens.renew(created.getToken()));
        assertThat(e.getMessage()).contains("400").contains("lease is not renewable");
    }

    @Test
    void renew_nonRenewableToken_isRejected400() {
        VaultToken token = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).renewable(false)
                .ttl(Duration.ofMinutes(10)).build()).getToken();

        VaultException e = vaultError(() -> tokens.renew(token));

        assertThat(e.getMessage()).contains("400");
    }

    @Test
    void revoke_newToken_makesItUnusable() {
        VaultToken token = createAppToken();
        VaultTemplate app = spring.template(token.getToken());
        assertThat(app.read("auth/token/lookup-self")).isNotNull();

        tokens.revoke(token);

        VaultException e = vaultError(() -> app.opsForVersionedKeyValue("secret").get("app"));
        assertThat(e.getMessage()).contains("403").contains("permission denied").contains("invalid token");
        VaultException lookup = vaultError(() -> app.read("auth/token/lookup-self"));
        assertThat(lookup.getMessage()).contains("invalid token");
    }

    @Test
    void revoke_parent_revokesChildren() {
        VaultToken parent = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).withPolicy(CHILD_CREATOR)
                .ttl(Duration.ofHours(1)).build()).getToken();
        VaultTemplate parentTemplate = spring.template(parent.getToken());
        VaultToken child = parentTemplate.opsForToken().create(VaultTokenRequest.builder().withPolicy(POLICY).build()).getToken();
        VaultTemplate childTemplate = spring.template(child.getToken());
        assertThat(childTemplate.opsForVersionedKeyValue("secret").get("app").getRequiredData()).containsEntry("db", "postgres");

        tokens.revoke(parent);

        VaultException e = vaultError(() -> childTemplate.opsForVersionedKeyValue("secret").get("app"));
        assertThat(e.getMessage()).contains("invalid token");
    }

    @Test
    void create_withoutCreatePermission_isDenied403() {
        VaultTemplate app = spring.template(createAppToken().getToken());

        VaultException e = vaultError(() -> app.opsForToken().create(VaultTokenRequest.builder().withPolicy(POLICY).build()));

        assertThat(e.getMessage()).contains("403").contains("permission denied");
    }

    @Test
    void createOrphan_withPolicy_hasNoParentAndSurvivesCreatorRevocation() {
        VaultToken creator = tokens.create(VaultTokenRequest.builder().withPolicy(POLICY).build()).getToken();
        VaultTokenResponse orphan = tokens.createOrphan(VaultTokenRequest.builder().withPolicy(POLICY).build());
        assertThat(orphan.getAuth().get("orphan")).isEqualTo(true);

        tokens.revoke(creator);

        VaultTemplate orphanTemplate = spring.template(orphan.getToken().getToken());
        assertThat(orphanTemplate.opsForVersionedKeyValue("secret").get("app").getRequiredData()).containsEntry("db", "postgres");
    }

    @Test
    void create_childPoliciesNotSubsetOfParent_isRejected() {
        VaultTemplate parent = spring.template(tokens.create(VaultTokenRequest.builder().withPolicy(POLICY)
                .withPolicy(CHILD_CREATOR).build()).getToken().getToken());

        VaultException e = vaultError(() -> parent.opsForToken().create(VaultTokenRequest.builder().withPolicy("root").build()));

        assertThat(e.getMessage()).contains("400").contains("child policies must be subset of parent");
    }

    @Test
    void templateWithUnknownToken_isDenied403() {
        VaultTemplate bogus = spring.template("hvs.this-token-does-not-exist");

        VaultException e = vaultError(() -> bogus.read("auth/token/lookup-self"));

        assertThat(e.getMessage()).contains("403").contains("permission denied");
        assertThat(e.getMessage()).doesNotContain("hvs.this-token-does-not-exist");
    }
}
