package io.coffer.sdk.logical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.sdk.logical.exception.NotFoundException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ResponseTest {

    private static Auth auth() {
        return new Auth("hvs.tok", "acc", List.of("default"), List.of("default"), null, 60, true, "", "service", false, 0, List.of());
    }

    @Test
    void isEmpty_noContent_true() {
        assertThat(Response.noContent().isEmpty()).isTrue();
        assertThat(Response.noContent().data()).isNull();
        assertThat(Response.noContent().auth()).isNull();
        assertThat(Response.noContent().status()).isNull();
    }

    @Test
    void isEmpty_withData_falseEvenWhenMapEmpty() {
        assertThat(Response.of(Map.of("k", "v")).isEmpty()).isFalse();
        assertThat(Response.of(Map.of()).isEmpty()).isFalse();
    }

    @Test
    void isEmpty_withAuth_false() {
        Response r = Response.ofAuth(auth());

        assertThat(r.isEmpty()).isFalse();
        assertThat(r.data()).isNull();
        assertThat(r.auth().accessor()).isEqualTo("acc");
    }

    @Test
    void isEmpty_withWarningOnly_false() {
        Response r = Response.noContent().withWarning("policy name was converted to x");

        assertThat(r.isEmpty()).isFalse();
        assertThat(r.warnings()).containsExactly("policy name was converted to x");
        assertThat(Response.noContent().warnings()).isEmpty();
    }

    @Test
    void isEmpty_withStatusOverride_false() {
        Response r = Response.noContent().withStatus(404);

        assertThat(r.isEmpty()).isFalse();
        assertThat(r.status()).isEqualTo(404);
    }

    @Test
    void isEmpty_leaseDurationOrTopLevelFlagOnly_stillEmpty() {
        assertThat(Response.noContent().withLeaseDuration(30).isEmpty()).isTrue();
        assertThat(Response.noContent().withTopLevelData().isEmpty()).isTrue();
    }

    @Test
    void withMethods_returnNewResponseAndKeepOtherParts() {
        Response base = Response.of(Map.of("k", "v"));

        Response changed = base.withWarning("w1").withWarning("w2").withStatus(404).withLeaseDuration(2764800).withTopLevelData();

        assertThat(base.warnings()).isEmpty();
        assertThat(base.status()).isNull();
        assertThat(base.leaseDuration()).isZero();
        assertThat(base.topLevelData()).isFalse();
        assertThat(changed.data()).containsExactly(Map.entry("k", "v"));
        assertThat(changed.warnings()).containsExactly("w1", "w2");
        assertThat(changed.status()).isEqualTo(404);
        assertThat(changed.leaseDuration()).isEqualTo(2764800L);
        assertThat(changed.topLevelData()).isTrue();
    }

    @Test
    void of_dataMap_unmodifiableAndMayHoldNulls() {
        Map<String, Object> data = new HashMap<>();
        data.put("deletion_time", null);
        Response r = Response.of(data);

        assertThat(r.data()).containsEntry("deletion_time", null);
        assertThatThrownBy(() -> r.data().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofKeys_nonEmpty_dataKeysCopied() {
        List<String> keys = new ArrayList<>(List.of("a", "b/"));
        Response r = Response.ofKeys(keys);
        keys.add("c");

        assertThat(r.data()).containsOnlyKeys("keys");
        assertThat(r.data().get("keys")).isEqualTo(List.of("a", "b/"));
    }

    @Test
    void ofKeys_emptyList_notFoundWithEmptyErrors() {
        assertThatThrownBy(() -> Response.ofKeys(List.of()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errors()).isEmpty());
    }
}
