package io.coffer.it.spring;

import io.coffer.it.http.DevServerExtension;
import io.coffer.it.http.VaultHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.AppRoleAuthentication;
import org.springframework.vault.authentication.AppRoleAuthenticationOptions;
import org.springframework.vault.authentication.ClientAuthentication;
import org.springframework.vault.authentication.UsernamePasswordAuthentication;
import org.springframework.vault.authentication.UsernamePasswordAuthenticationOptions;
import org.springframework.vault.client.VaultClients;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;
import org.springframework.vault.support.Policy;
import org.springframework.vault.support.Policy.BuiltinCapabilities;
import org.springframework.vault.support.Policy.Rule;
import org.springframework.vault.support.VaultMount;
import org.springframework.vault.support.VaultToken;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Vault logs in with AppRole ({@link AppRoleAuthentication}, provided and pull mode) and
 * userpass ({@link UsernamePasswordAuthentication}), and the token it gets reads a secret under
 * the role's read-only policy but is refused a write (403).
 */
class SpringVaultAuthMethodsTest {
    private static final String READ_ONLY = "app-read";

    @RegisterExtension
    static final DevServerExtension SERVER = new DevServerExtension();

    private static SpringVault spring;
    private static VaultTemplate root;
    private static RestTemplate rest;

    @BeforeAll
    static void setUp() {
        spring = new SpringVault(SERVER.address());
        root = spring.template(SERVER.rootToken());
        root.opsForSys().authMount("approle", VaultMount.create("approle"));
        root.opsForSys().authMount("userpass", VaultMount.create("userpass"));
        root.opsForSys().createOrUpdatePolicy(READ_ONLY, Policy.of(
                Rule.builder().path("secret/data/app").capabilities(BuiltinCapabilities.READ).build()));
        root.opsForVersionedKeyValue("secret").put("app", Map.of("db", "postgres"));
        root.write("auth/approle/role/app", Map.of("token_policies", READ_ONLY, "token_ttl", "1h"));
        root.write("auth/userpass/users/alice", Map.of("password", "correct horse", "token_policies", READ_ONLY));
        rest = VaultClients.createRestTemplate(VaultEndpoint.from(URI.create(SERVER.address())),
                new SimpleClientHttpRequestFactory());
    }

    @AfterAll
    static void tearDown() {
        spring.close();
    }

    private static void assertReadOnly(ClientAuthentication auth) throws Exception {
        assertReadOnly(auth, "hvs.");
    }

    private static void assertReadOnly(ClientAuthentication auth, String prefix) throws Exception {
        VaultToken token = auth.login();
        assertThat(token.getToken()).startsWith(prefix);
        VaultTemplate app = new VaultTemplate(VaultEndpoint.from(URI.create(SERVER.address())), () -> token);
        try {
            assertThat(app.opsForVersionedKeyValue("secret").get("app").getData()).containsEntry("db", "postgres");
            VaultException denied = SpringVault.vaultError(() -> app.opsForVersionedKeyValue("secret").put("app", Map.of("db", "x")));
            assertThat(denied.getMessage()).contains("403");
        } finally {
            app.destroy();
        }
    }

    @Test
    void appRole_providedRoleAndSecretId_readsUnderThePolicyAndIsRefusedAWrite() throws Exception {
        String roleId = (String) root.read("auth/approle/role/app/role-id").getRequiredData().get("role_id");
        String secretId = (String) root.write("auth/approle/role/app/secret-id", Map.of()).getRequiredData().get("secret_id");
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
                .roleId(AppRoleAuthenticationOptions.RoleId.provided(roleId))
                .secretId(AppRoleAuthenticationOptions.SecretId.provided(secretId))
                .build();

        assertReadOnly(new AppRoleAuthentication(options, rest));
    }

    @Test
    void appRole_batchTokenRole_logsInWithAnUnstoredBatchToken() throws Exception {
        root.write("auth/approle/role/batch", Map.of("token_policies", READ_ONLY, "token_ttl", "10m", "token_type", "batch"));
        String roleId = (String) root.read("auth/approle/role/batch/role-id").getRequiredData().get("role_id");
        String secretId = (String) root.write("auth/approle/role/batch/secret-id", Map.of()).getRequiredData().get("secret_id");
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
                .roleId(AppRoleAuthenticationOptions.RoleId.provided(roleId))
                .secretId(AppRoleAuthenticationOptions.SecretId.provided(secretId))
                .build();
        List<String> accessorsBefore = root.list("auth/token/accessors");

        assertReadOnly(new AppRoleAuthentication(options, rest), "hvb.");
        assertThat(root.list("auth/token/accessors")).hasSameSizeAs(accessorsBefore);
    }

    @Test
    void appRole_pullMode_fetchesRoleIdAndSecretIdWithAnInitialToken() throws Exception {
        VaultToken initial = VaultToken.of(SERVER.rootToken());
        AppRoleAuthenticationOptions options = AppRoleAuthenticationOptions.builder()
                .appRole("app")
                .roleId(AppRoleAuthenticationOptions.RoleId.pull(initial))
                .secretId(AppRoleAuthenticationOptions.SecretId.pull(initial))
                .build();

        assertReadOnly(new AppRoleAuthentication(options, rest));
    }

    @Test
    void userpass_readsUnderThePolicyAndIsRefusedAWrite() throws Exception {
        UsernamePasswordAuthenticationOptions options = UsernamePasswordAuthenticationOptions.builder()
                .username("alice").password("correct horse").build();

        assertReadOnly(new UsernamePasswordAuthentication(options, rest));
    }

    @Test
    void userpass_wrongPasswordAndUnknownUser_answerTheSame400() {
        VaultHttp http = new VaultHttp(SERVER.address());
        VaultHttp.Result wrong = http.post("auth/userpass/login/alice", "{\"password\":\"nope\"}").send();
        VaultHttp.Result unknown = http.post("auth/userpass/login/mallory", "{\"password\":\"nope\"}").send();

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errors()).isEqualTo(wrong.errors());
    }

    @Test
    void login_tokenCarriesAnEntityIdStableAcrossLogins() {
        VaultHttp http = new VaultHttp(SERVER.address());
        var first = http.post("auth/userpass/login/alice", "{\"password\":\"correct horse\"}").send().json().get("auth");
        var second = http.post("auth/userpass/login/Alice", "{\"password\":\"correct horse\"}").send().json().get("auth");

        assertThat(first.get("entity_id").asText()).isNotEmpty().isEqualTo(second.get("entity_id").asText());
        assertThat(first.get("policies").toString()).contains("default", READ_ONLY);
        assertThat(first.get("metadata").get("username").asText()).isEqualTo("alice");
        assertThat(first.get("lease_duration").asLong()).isEqualTo(2764800L);
    }

    @Test
    void identity_groupPolicyGrantsAUserWithoutTokenPoliciesTheRead() throws Exception {
        root.write("auth/userpass/users/carol", Map.of("password", "carol pass 1"));
        UsernamePasswordAuthentication carol = new UsernamePasswordAuthentication(UsernamePasswordAuthenticationOptions
                .builder().username("carol").password("carol pass 1").build(), rest);
        VaultToken token = carol.login();
        VaultTemplate app = new VaultTemplate(VaultEndpoint.from(URI.create(SERVER.address())), () -> token);
        try {
            assertThat(SpringVault.vaultError(() -> app.opsForVersionedKeyValue("secret").get("app")).getMessage())
                    .contains("403");
            String entityId = (String) app.read("auth/token/lookup-self").getRequiredData().get("entity_id");
            root.write("identity/group", Map.of("name", "readers", "policies", READ_ONLY,
                    "member_entity_ids", List.of(entityId)));

            assertThat(app.opsForVersionedKeyValue("secret").get("app").getData()).containsEntry("db", "postgres");
            assertThat(app.read("auth/token/lookup-self").getRequiredData().get("identity_policies"))
                    .isEqualTo(List.of(READ_ONLY));
        } finally {
            app.destroy();
        }
    }

    @Test
    void identity_loginEntityIsReadableAndGroupsAndEntitiesCanBeCreated() {
        VaultHttp http = new VaultHttp(SERVER.address());
        String entityId = http.post("auth/userpass/login/alice", "{\"password\":\"correct horse\"}").send().json()
                .at("/auth/entity_id").asText();
        var entity = http.get("identity/entity/id/" + entityId).token(SERVER.rootToken()).send().json().get("data");
        assertThat(entity.get("id").asText()).isEqualTo(entityId);
        assertThat(entity.get("aliases")).hasSize(1);
        assertThat(entity.at("/aliases/0/name").asText()).isEqualTo("alice");
        assertThat(entity.at("/aliases/0/mount_type").asText()).isEqualTo("userpass");

        VaultHttp.Result created = http.post("identity/entity", "{\"name\":\"bob\",\"policies\":\"app-read\"}")
                .token(SERVER.rootToken()).send();
        String bob = created.json().at("/data/id").asText();
        assertThat(http.get("identity/entity/name/bob").token(SERVER.rootToken()).send().json().at("/data/id").asText())
                .isEqualTo(bob);
        VaultHttp.Result group = http.post("identity/group", "{\"name\":\"ops\",\"member_entity_ids\":[\"" + bob + "\"]}")
                .token(SERVER.rootToken()).send();
        String groupId = group.json().at("/data/id").asText();
        var listed = http.list("identity/group/id").token(SERVER.rootToken()).send().json();
        assertThat(listed.at("/data/keys").toString()).contains(groupId);
        assertThat(http.get("identity/group/id/" + groupId).token(SERVER.rootToken()).send().json()
                .at("/data/member_entity_ids/0").asText()).isEqualTo(bob);
        assertThat(http.get("identity/entity/id/nope").token(SERVER.rootToken()).send().status()).isEqualTo(404);
    }
}
