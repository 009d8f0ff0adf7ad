package io.coffer.storage.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutationTest {

    @Test
    void put_valueMutatedAfterwards_keepsOriginalBytes() {
        byte[] value = {1, 2, 3};
        Mutation m = Mutation.put("k", value);
        value[0] = 9;
        m.value()[1] = 9;
        assertThat(m.value()).containsExactly(1, 2, 3);
        assertThat(m.isDelete()).isFalse();
    }

    @Test
    void delete_always_hasNullValue() {
        assertThat(Mutation.delete("k").value()).isNull();
        assertThat(Mutation.delete("k").isDelete()).isTrue();
    }

    @Test
    void put_nullValue_isRefused() {
        assertThatThrownBy(() -> Mutation.put("k", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toString_putWithSecret_showsOnlyLength() {
        assertThat(Mutation.put("k", "s3cr3t".getBytes()).toString())
                .doesNotContain("s3cr3t").contains("6 bytes");
    }

    @Test
    void equals_sameKeyAndBytes_isEqual() {
        assertThat(Mutation.put("k", new byte[]{1})).isEqualTo(Mutation.put("k", new byte[]{1}))
                .hasSameHashCodeAs(Mutation.put("k", new byte[]{1}));
        assertThat(Mutation.put("k", new byte[]{1})).isNotEqualTo(Mutation.delete("k"));
    }
}
