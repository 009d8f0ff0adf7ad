package io.coffer.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BannersTest {
    @Test
    void padEqualSigns_longPath_matchesVaultOutput() {
        assertThat(Banners.padEqualSigns("Secret Path", "secret/data/devops-info-service/config".length()))
                .isEqualTo("============= Secret Path =============");
    }

    @Test
    void padEqualSigns_shortPath_usesAtLeastOneSignEachSide() {
        assertThat(Banners.padEqualSigns("Secret Path", "secret/data/foo".length()))
                .isEqualTo("= Secret Path =");
        assertThat(Banners.padEqualSigns("Secret Path", 3)).isEqualTo("== Secret Path ==");
    }

    @Test
    void forMap_kvMetadata_matchesVaultOutput() {
        Map<String, Object> meta =
                Map.of(
                        "created_time", "", "custom_metadata", "", "deletion_time", "", "destroyed", "",
                        "version", "");
        assertThat(Banners.forMap("Metadata", meta)).isEqualTo("======= Metadata =======");
        assertThat(Banners.forMap("Data", Map.of("username", "", "password", "")))
                .isEqualTo("====== Data ======");
    }
}
