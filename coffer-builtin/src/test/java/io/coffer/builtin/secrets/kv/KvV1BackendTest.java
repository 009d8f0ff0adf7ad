package io.coffer.builtin.secrets.kv;

import io.coffer.builtin.harness.BackendHarness;
import io.coffer.sdk.logical.Operation;
import io.coffer.sdk.logical.Response;
import io.coffer.sdk.logical.exception.InvalidRequestException;
import io.coffer.sdk.logical.exception.LogicalException;
import io.coffer.sdk.logical.exception.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KvV1BackendTest {
    private final BackendHarness kv = new BackendHarness(new KvBackendFactory(), "secret/", Map.of());

    @Test
    void write_thenRead_returnsStoredDataWithDefaultLeaseDuration() {
        assertThat(kv.write("app/db", "{'user':'admin','port':5432,'tls':true}").isEmpty()).isTrue();

        Response read = kv.read("app/db");

        assertThat(read.data()).containsExactly(Map.entry("user", "admin"), Map.entry("port", 5432), Map.entry("tls", true));
        assertThat(read.leaseDuration()).isEqualTo(2764800);
        assertThat(read.status()).isNull();
    }

    @Test
    void write_existingSecret_replacesItWhole() {
        kv.write("app", "{'a':'1','b':'2'}");
        kv.write("app", "{'c':'3'}");

        assertThat(kv.read("app").data()).isEqualTo(Map.of("c", "3"));
    }

    @Test
    void write_nestedValues_roundTripExactly() {
        kv.write("nested", "{'obj':{'x':[1,2,{'y':null}]},'dec':0.1,'big':12345678901234567890}");

        Map<String, Object> data = kv.read("nested").data();

        assertThat(data.get("obj")).isEqualTo(Map.of("x", List.of(1, 2, java.util.Collections.singletonMap("y", null))));
        assertThat(data.get("dec")).hasToString("0.1");
        assertThat(data.get("big")).hasToString("12345678901234567890");
    }

    @Test
    void write_bodyFieldNamedPath_isStoredAsSecretField() {
        kv.write("svc", "{'path':'/var/run','k':'v'}");

        assertThat(kv.read("svc").data()).isEqualTo(Map.of("path", "/var/run", "k", "v"));
        assertThat(kv.storage().keys()).containsExactly("svc");
    }

    @Test
    void read_ttlAsGoDuration_reportsItAsLeaseDuration() {
        kv.write("t1", "{'ttl':'1h30m','v':'x'}");
        kv.write("t2", "{'ttl':90}");
        kv.write("t3", "{'ttl':'120'}");
        kv.write("t4", "{'lease':'2m'}");

        assertThat(kv.read("t1").leaseDuration()).isEqualTo(5400);
        assertThat(kv.read("t2").leaseDuration()).isEqualTo(90);
        assertThat(kv.read("t3").leaseDuration()).isEqualTo(120);
        assertThat(kv.read("t4").leaseDuration()).isEqualTo(120);
    }

    @Test
    void read_unparsableTtl_fallsBackToMountDefault() {
        kv.write("t", "{'ttl':'soon'}");

        assertThat(kv.read("t").leaseDuration()).isEqualTo(2764800);
        assertThat(kv.read("t").data()).isEqualTo(Map.of("ttl", "soon"));
    }

    @Test
    void read_missingSecret_throwsNotFoundWithEmptyErrors() {
        LogicalException e = kv.failure(Operation.READ, "nope", "");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.errors()).isEmpty();
    }

    @Test
    void write_emptyBody_isRejectedAndNothingStored() {
        LogicalException e = kv.failure(Operation.UPDATE, "empty", "{}");

        assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("missing data fields");
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void write_pathEndingInSlash_isRejected() {
        LogicalException e = kv.failure(Operation.UPDATE, "folder/", "{'a':'b'}");

        assertThat(e).isInstanceOf(InvalidRequestException.class);
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void delete_existingSecret_removesIt() {
        kv.write("gone", "{'a':'b'}");

        assertThat(kv.delete("gone").isEmpty()).isTrue();

        assertThat(kv.failure(Operation.READ, "gone", "")).isInstanceOf(NotFoundException.class);
        assertThat(kv.storage().keys()).isEmpty();
    }

    @Test
    void delete_absentSecret_answersNoContent() {
        assertThat(kv.delete("never").isEmpty()).isTrue();
    }

    @Test
    void list_root_returnsSecretsAndFoldersSorted() {
        kv.write("b", "{'x':'1'}");
        kv.write("a/one", "{'x':'1'}");
        kv.write("a/two/deep", "{'x':'1'}");
        kv.write("c/x", "{'x':'1'}");

        assertThat(kv.list("").data().get("keys")).isEqualTo(List.of("a/", "b", "c/"));
        assertThat(kv.list("a/").data().get("keys")).isEqualTo(List.of("one", "two/"));
        assertThat(kv.list("a").data().get("keys")).isEqualTo(List.of("one", "two/"));
    }

    @Test
    void list_emptyFolder_throwsNotFound() {
        kv.write("a/b", "{'x':'1'}");

        assertThat(kv.failure(Operation.LIST, "zzz/", "")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void exists_followsStoredSecret() {
        assertThat(kv.exists("e")).contains(false);

        kv.write("e", "{'x':'1'}");

        assertThat(kv.exists("e")).contains(true);
    }

    @Test
    void storage_v1Secret_isPlainJsonObjectAtItsPath() {
        kv.write("app/cfg", "{'k':'v'}");

        assertThat(kv.storage().text("app/cfg")).isEqualTo("{\"k\":\"v\"}");
    }
}
