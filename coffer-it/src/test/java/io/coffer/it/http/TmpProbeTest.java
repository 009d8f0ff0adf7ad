package io.coffer.it.http;
import org.junit.jupiter.api.Test;
import org.springframework.vault.core.*;
import org.springframework.vault.support.*;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import java.net.URI;
import java.util.*;
import java.util.function.Consumer;
class TmpProbeTest {
    void run(String label, Consumer<VaultTemplate> op) throws Exception {
        io.coffer.server.DevServer s = io.coffer.server.DevServer.start("127.0.0.1:0", null);
        VaultTemplate t = new VaultTemplate(VaultEndpoint.from(URI.create(s.address())), new TokenAuthentication(s.rootToken()));
        String opres = "ok";
        try { op.accept(t); } catch (Exception e) { opres = "opfail " + e.getClass().getSimpleName(); }
        long t0 = System.nanoTime();
        String res;
        try { s.close(); res = "ok"; } catch (Exception e) { res = "FAIL " + e.getCause(); }
        System.out.println("PROBE " + label + " op=" + opres + " close=" + res + " in " + (System.nanoTime() - t0) / 1_000_000 + "ms");
    }
    @Test void probe() throws Exception {
        run("put", t -> t.opsForVersionedKeyValue("secret").put("a", Map.of("k","v")));
        run("get-missing", t -> t.opsForVersionedKeyValue("secret").get("a"));
        run("put-get", t -> { t.opsForVersionedKeyValue("secret").put("a", Map.of("k","v")); t.opsForVersionedKeyValue("secret").get("a"); });
        run("delete-get", t -> { var kv = t.opsForVersionedKeyValue("secret"); kv.put("a", Map.of("k","v")); kv.delete("a"); kv.get("a"); });
        run("cas-fail", t -> { var kv = t.opsForVersionedKeyValue("secret"); kv.put("a", Map.of("k","v")); kv.put("a", Versioned.create(Map.of("k","v"), Versioned.Version.from(5))); });
        run("list-empty", t -> t.opsForVersionedKeyValue("secret").list("nothing"));
        run("meta-get", t -> { var kv = t.opsForVersionedKeyValue("secret"); kv.put("a", Map.of("k","v")); kv.opsForKeyValueMetadata().get("a"); });
        run("meta-delete", t -> { var kv = t.opsForVersionedKeyValue("secret"); kv.put("a", Map.of("k","v")); kv.opsForKeyValueMetadata().delete("a"); });
        run("patch", t -> { var o = t.opsForKeyValue("secret", VaultKeyValueOperationsSupport.KeyValueBackend.versioned()); o.put("a", Map.of("k","v")); o.patch("a", Map.of("x","y")); });
        run("propsource", t -> new org.springframework.vault.core.env.VaultPropertySource(t, "secret/a"));
    }
}
