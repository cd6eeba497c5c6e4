package io.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.config.TandemProperties;
import io.tandem.engine.CommandRegistry;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.slack.SlackProperties;
import io.tandem.support.EngineTest;
import io.tandem.teams.TeamsProperties;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The README's command reference and configuration table stay in step with the code. */
@EngineTest
class ReadmeTests {

    @Autowired
    CommandRegistry registry;

    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void documentsEveryCommandInBothLanguages() throws IOException {
        String readme = readme();
        for (CommandSpec spec : registry.listed()) {
            assertThat(readme)
                    .as("README documents " + spec.id())
                    .contains("`" + Messages.of(Language.EN).get(spec.usageKey()) + "`")
                    .contains("`" + Messages.of(Language.FR).get(spec.usageKey()) + "`");
        }
    }

    @Test
    void documentsEveryTandemPropertyAndItsEnvironmentVariable() throws IOException {
        String readme = readme();
        List<String> properties = properties("tandem", TandemProperties.class);
        properties.addAll(properties("tandem.slack", SlackProperties.class));
        properties.addAll(properties("tandem.teams", TeamsProperties.class));
        assertThat(properties).contains("tandem.data-dir", "tandem.demo.members", "tandem.skills.file");
        for (String property : properties) {
            String variable =
                    property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (SLACKS_OWN.contains(property)) {
                variable = variable.replace("TANDEM_", ""); // Slack's usual names, mapped in application.yml
            }
            if (AZURES_OWN.containsKey(property)) {
                variable = AZURES_OWN.get(property); // the Azure Bot's usual names, mapped in application.yml
            }
            assertThat(readme).contains("`" + property + "`").contains("`" + variable + "`");
        }
        assertThat(readme).contains("`REDIS_URL`", "./mvnw spring-boot:run", "./mvnw verify", "docs/console.png");
    }

    private static final List<String> SLACKS_OWN = List.of(
            "tandem.slack.bot-token",
            "tandem.slack.signing-secret",
            "tandem.slack.app-token",
            "tandem.slack.client-id",
            "tandem.slack.client-secret");

    private static final Map<String, String> AZURES_OWN = Map.of(
            "tandem.teams.app-id",
            "MICROSOFT_APP_ID",
            "tandem.teams.app-password",
            "MICROSOFT_APP_PASSWORD",
            "tandem.teams.tenant-id",
            "MICROSOFT_APP_TENANT_ID");

    @Test
    void explainsHowToRunInTeams() throws IOException {
        assertThat(readme())
                .contains("## Run in Teams", "manifests/teams/package.sh", "`POST /api/messages`", "Single Tenant");
    }

    @Test
    void explainsHowToRunInSlack() throws IOException {
        assertThat(readme())
                .contains(
                        "## Run in Slack",
                        "manifests/slack/manifest-socket-mode.yml",
                        "manifests/slack/manifest.yml",
                        "`POST /slack/events`",
                        "/slack/install");
    }

    /** Property names from the settings records, kebab-cased, recursively. */
    private static List<String> properties(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            String name = prefix + "."
                    + c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            if (c.getType().isRecord()) {
                names.addAll(properties(name, c.getType()));
            } else {
                names.add(name);
            }
        }
        return names;
    }
}
