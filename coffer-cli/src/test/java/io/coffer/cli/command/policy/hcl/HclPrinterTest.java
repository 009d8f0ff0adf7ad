package io.coffer.cli.command.policy.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HclPrinterTest {
    @Test
    void format_messyPolicy_isCanonical() throws Exception {
        String in =
                "path \"secret/*\" {capabilities=[\"create\",\"read\"]\n"
                        + "      allowed_parameters = {\"foo\" = []}}\n"
                        + "path   \"sys/mounts\"   {\n"
                        + "capabilities = [\"read\"]\n"
                        + "}\n";
        assertThat(HclPrinter.format(in))
                .isEqualTo(
                        "path \"secret/*\" {\n"
                                + "  capabilities = [\"create\", \"read\"]\n"
                                + "  allowed_parameters = {\n"
                                + "    \"foo\" = []\n"
                                + "  }\n"
                                + "}\n"
                                + "\n"
                                + "path \"sys/mounts\" {\n"
                                + "  capabilities = [\"read\"]\n"
                                + "}\n");
    }

    @Test
    void format_consecutiveAssignments_alignEquals() throws Exception {
        String in = "path \"a\" {\n  policy = \"read\"\n  capabilities = [\"read\"]\n}\n";
        assertThat(HclPrinter.format(in))
                .isEqualTo(
                        "path \"a\" {\n  policy       = \"read\"\n  capabilities = [\"read\"]\n}\n");
    }

    @Test
    void format_comments_arePreserved() throws Exception {
        String in =
                "# Allow the app\n"
                        + "path \"secret/app/*\" {\n"
                        + "  capabilities = [\"read\"] // read only\n"
                        + "  /* trailing note */\n"
                        + "}\n";
        assertThat(HclPrinter.format(in))
                .isEqualTo(
                        "# Allow the app\n"
                                + "path \"secret/app/*\" {\n"
                                + "  capabilities = [\"read\"] // read only\n"
                                + "  /* trailing note */\n"
                                + "}\n");
    }

    @Test
    void format_multilineList_onePerLineWithTrailingComma() throws Exception {
        String in = "path \"a\" {\n  capabilities = [\n\"read\",\n  \"list\"]\n}\n";
        assertThat(HclPrinter.format(in))
                .isEqualTo(
                        "path \"a\" {\n  capabilities = [\n    \"read\",\n    \"list\",\n  ]\n}\n");
    }

    @Test
    void format_isIdempotent() throws Exception {
        String in =
                "name=\"x\"\n# c\npath \"a/*\" { capabilities = [\"read\"]\n denied_parameters = { \"k\" = [\"v\"] } }\n";
        String once = HclPrinter.format(in);
        assertThat(HclPrinter.format(once)).isEqualTo(once);
    }

    @Test
    void format_emptyBlock_staysOnOneLine() throws Exception {
        assertThat(HclPrinter.format("path \"a\" {\n\n}")).isEqualTo("path \"a\" {}\n");
    }

    @Test
    void parse_missingBrace_reportsPosition() {
        assertThatThrownBy(() -> HclParser.parse("path \"a\" {\n  capabilities = [\"read\"]\n"))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessageStartingWith("At 3:1:");
    }

    @Test
    void validate_unknownCapability_isRejected() throws Exception {
        HclNode.Body body = HclParser.parse("path \"a\" { capabilities = [\"reed\"] }");
        assertThatThrownBy(() -> PolicyValidator.validate(body))
                .isInstanceOf(PolicyException.class)
                .hasMessage("failed to parse policy: path \"a\": invalid capability \"reed\"");
    }

    @Test
    void validate_unknownTopLevelKey_isRejected() throws Exception {
        HclNode.Body body = HclParser.parse("pth \"a\" { capabilities = [\"read\"] }");
        assertThatThrownBy(() -> PolicyValidator.validate(body))
                .hasMessage("failed to parse policy: invalid key \"pth\" on line 1");
    }

    @Test
    void validate_goodPolicy_passes() throws Exception {
        PolicyValidator.validate(
                HclParser.parse(
                        "path \"secret/*\" { capabilities = [\"create\", \"read\", \"update\", \"patch\","
                                + " \"delete\", \"list\", \"sudo\", \"deny\"] }\npath \"x\" { policy = \"write\" }"));
    }
}
