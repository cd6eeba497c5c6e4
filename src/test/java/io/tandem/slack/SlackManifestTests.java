package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Slack app manifests in {@code manifests/slack} are valid for Slack (its official JSON schema) and declare
 * exactly what the Slack adapter serves: two commands, three bot events, least-privilege scopes, and endpoints
 * on {@code /slack/events}. The Socket Mode manifest has no URL at all.
 */
class SlackManifestTests {

    private static final Path HTTP_MANIFEST = Path.of("manifests", "slack", "manifest.yml");
    private static final Path SOCKET_MODE_MANIFEST = Path.of("manifests", "slack", "manifest-socket-mode.yml");

    /** The main schema's {@code $id}. */
    private static final String MAIN_SCHEMA_ID =
            "https://github.com/slackapi/manifest-schema/blob/main/manifest.schema.json";
    /** The main schema {@code $ref}s its versioned files by this URL; they are copied beside it, in schemas/. */
    private static final String SLACK_SCHEMA_URL_PREFIX =
            "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";

    private static final List<String> COMMANDS = List.of("/mentor", "/stats");
    private static final List<String> BOT_EVENTS = List.of("app_home_opened", "app_mention", "message.im");
    private static final List<String> BOT_SCOPES = List.of(
            "commands",
            "chat:write",
            "im:write",
            "im:history",
            "app_mentions:read",
            "users:read",
            "users:read.email",
            "files:read",
            "files:write");
    private static final Set<String> URL_KEYS = Set.of("url", "request_url", "redirect_urls");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static Schema slackSchema;
    private static ObjectNode http;
    private static ObjectNode socketMode;

    @BeforeAll
    static void loadSchemaAndManifests() throws IOException {
        Path schemaDir = sharedSchemas().resolve("slack");
        // Served from the local copies only: the validator never goes to the network.
        Map<String, String> schemas = new LinkedHashMap<>();
        schemas.put(MAIN_SCHEMA_ID, Files.readString(schemaDir.resolve("manifest.schema.json")));
        for (String version : List.of("manifest.schema.1.0.0.json", "manifest.schema.2.0.0.json")) {
            schemas.put(
                    SLACK_SCHEMA_URL_PREFIX + version,
                    Files.readString(schemaDir.resolve("schemas").resolve(version)));
        }
        // Draft 7, plus the two annotations Slack's schema uses that are not JSON Schema keywords.
        Dialect draft7 = Dialect.builder(Dialects.getDraft7())
                .keyword(new NonValidationKeyword("_note"))
                .keyword(new NonValidationKeyword("regex"))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                draft7, builder -> builder.schemas(schemas).schemaLoader(loader -> loader.fetchRemoteResources(false)));
        slackSchema = registry.getSchema(SchemaLocation.of(MAIN_SCHEMA_ID));
        http = readYaml(HTTP_MANIFEST);
        socketMode = readYaml(SOCKET_MODE_MANIFEST);
    }

    /** {@code ../shared/schemas} beside the project (as CI lays it out), else the workplace's copy. */
    private static Path sharedSchemas() {
        Path besideProject = Path.of("..", "shared", "schemas").toAbsolutePath().normalize();
        Path schemas = Files.isDirectory(besideProject) ? besideProject : Path.of("/work/shared/schemas");
        assertThat(schemas.resolve("slack").resolve("manifest.schema.json"))
                .as("Slack's manifest schema")
                .isRegularFile();
        return schemas;
    }

    private static ObjectNode readYaml(Path file) throws IOException {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        assertThat(yaml).as(file + " is a YAML mapping").isInstanceOf(Map.class);
        return JSON.valueToTree(yaml);
    }

    private static List<String> schemaErrors(JsonNode manifest) {
        return slackSchema.validate(manifest).stream().map(Error::toString).toList();
    }

    @Test
    void validatesAgainstSlacksSchema() {
        assertThat(schemaErrors(http)).as("manifest.yml against Slack's schema").isEmpty();
        assertThat(schemaErrors(socketMode))
                .as("manifest-socket-mode.yml against Slack's schema")
                .isEmpty();
    }

    @Test
    void rejectsAManifestThatBreaksSlacksSchema() {
        ObjectNode tooLongDescription = http.deepCopy();
        ((ObjectNode) tooLongDescription.get("display_information")).put("description", "x".repeat(141));
        ObjectNode unknownSetting = socketMode.deepCopy();
        ((ObjectNode) unknownSetting.get("settings")).put("socket_mode", true);
        ObjectNode commandWithoutSlash = http.deepCopy();
        ((ObjectNode) commandWithoutSlash.get("features").get("slash_commands").get(0)).put("command", "mentor");

        assertThat(schemaErrors(tooLongDescription)).isNotEmpty();
        assertThat(schemaErrors(unknownSetting)).isNotEmpty();
        assertThat(schemaErrors(commandWithoutSlash)).isNotEmpty();
    }

    @Test
    void usesTheVersionOneManifestFormat() {
        for (JsonNode manifest : List.of(http, socketMode)) {
            assertThat(manifest.path("_metadata").path("major_version").asInt()).isEqualTo(1);
        }
    }

    @Test
    void sendsEverythingToSlackEventsInHttpMode() {
        List<String> requestUrls = new ArrayList<>();
        http.path("features")
                .path("slash_commands")
                .forEach(command -> requestUrls.add(command.path("url").asString()));
        requestUrls.add(http.path("settings")
                .path("event_subscriptions")
                .path("request_url")
                .asString());
        requestUrls.add(
                http.path("settings").path("interactivity").path("request_url").asString());

        assertThat(requestUrls)
                .hasSize(COMMANDS.size() + 2)
                .allSatisfy(url -> assertThat(url).startsWith("https://").endsWith("/slack/events"));
        assertThat(http.path("settings")
                        .path("interactivity")
                        .path("is_enabled")
                        .asBoolean())
                .isTrue();
        assertThat(http.path("settings").path("socket_mode_enabled").asBoolean(true))
                .isFalse();
        // the installation's redirect, and the leads' dashboard's "Sign in with Slack"
        assertThat(strings(http.path("oauth_config").path("redirect_urls")))
                .containsExactly(
                        "https://YOUR-TANDEM-HOST/slack/oauth_redirect",
                        "https://YOUR-TANDEM-HOST/dashboard/oauth2/code/slack");
    }

    @Test
    void declaresExactlyTheMentorAndStatsCommands() {
        for (JsonNode manifest : List.of(http, socketMode)) {
            List<String> commands = new ArrayList<>();
            manifest.path("features")
                    .path("slash_commands")
                    .forEach(c -> commands.add(c.path("command").asString()));
            assertThat(commands).containsExactlyElementsOf(COMMANDS);
            manifest.path("features")
                    .path("slash_commands")
                    .forEach(c -> assertThat(c.path("should_escape").asBoolean())
                            .as(c.path("command").asString() + " escapes")
                            .isTrue());
        }
    }

    @Test
    void subscribesToExactlyTheBotEventsTandemHandles() {
        for (JsonNode manifest : List.of(http, socketMode)) {
            assertThat(strings(manifest.path("settings")
                            .path("event_subscriptions")
                            .path("bot_events")))
                    .containsExactlyInAnyOrderElementsOf(BOT_EVENTS);
            assertThat(manifest.path("settings").path("event_subscriptions").has("user_events"))
                    .isFalse();
        }
    }

    @Test
    void asksForExactlyTheLeastPrivilegeBotScopes() {
        for (JsonNode manifest : List.of(http, socketMode)) {
            JsonNode scopes = manifest.path("oauth_config").path("scopes");
            assertThat(strings(scopes.path("bot"))).containsExactlyInAnyOrderElementsOf(BOT_SCOPES);
            assertThat(fieldNames(scopes)).containsExactly("bot", "user");
            // user scopes only to sign in to the dashboard: who you are, nothing on your behalf
            assertThat(strings(scopes.path("user"))).containsExactlyInAnyOrder("openid", "email", "profile");
        }
    }

    @Test
    void asksForTheSameScopesWhenInstallingThroughOAuth() {
        assertThat(List.of(SlackConfiguration.SCOPES.split(",")))
                .as("the scopes Bolt requests at /slack/install")
                .containsExactlyInAnyOrderElementsOf(
                        strings(http.path("oauth_config").path("scopes").path("bot")));
    }

    @Test
    void opensTheHomeAndMessagesTabs() {
        for (JsonNode manifest : List.of(http, socketMode)) {
            JsonNode appHome = manifest.path("features").path("app_home");
            assertThat(appHome.path("home_tab_enabled").asBoolean()).isTrue();
            assertThat(appHome.path("messages_tab_enabled").asBoolean()).isTrue();
            assertThat(appHome.path("messages_tab_read_only_enabled").asBoolean(true))
                    .isFalse();
            assertThat(manifest.path("features")
                            .path("bot_user")
                            .path("display_name")
                            .asString())
                    .isEqualTo("Tandem");
            // Slack's schema names this pattern "regex", which validators ignore: check it here.
            assertThat(manifest.path("display_information")
                            .path("background_color")
                            .asString())
                    .matches("#[0-9a-fA-F]{6}");
        }
    }

    @Test
    void enablesSocketModeWithNoUrlAnywhere() {
        assertThat(socketMode.path("settings").path("socket_mode_enabled").asBoolean())
                .isTrue();
        assertThat(socketMode
                        .path("settings")
                        .path("interactivity")
                        .path("is_enabled")
                        .asBoolean())
                .isTrue();
        assertThat(keysAnywhere(socketMode)).doesNotContainAnyElementsOf(URL_KEYS);
        // The walk does find these keys where they are, so the check above is not vacuous.
        assertThat(keysAnywhere(http)).containsAll(URL_KEYS);
    }

    @Test
    void describesTheSameAppInBothModes() {
        ObjectNode httpWithoutUrls = withoutKeys(http, URL_KEYS);
        ObjectNode socketModeWithoutUrls = withoutKeys(socketMode, URL_KEYS);
        ((ObjectNode) httpWithoutUrls.get("settings")).remove("socket_mode_enabled");
        ((ObjectNode) socketModeWithoutUrls.get("settings")).remove("socket_mode_enabled");
        assertThat(socketModeWithoutUrls).isEqualTo(httpWithoutUrls);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> fieldNames(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    /** Every object key at any depth, arrays included. */
    private static Set<String> keysAnywhere(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                keys.add(field.getKey());
                keys.addAll(keysAnywhere(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> keys.addAll(keysAnywhere(element)));
        }
        return keys;
    }

    /** A deep copy with the given keys removed at every depth. */
    private static ObjectNode withoutKeys(ObjectNode manifest, Set<String> keys) {
        ObjectNode copy = manifest.deepCopy();
        removeKeys(copy, keys);
        return copy;
    }

    private static void removeKeys(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            ((ObjectNode) node).remove(keys);
            Map<String, JsonNode> children = new LinkedHashMap<>();
            node.properties().forEach(field -> children.put(field.getKey(), field.getValue()));
            children.values().forEach(child -> removeKeys(child, keys));
        } else if (node.isArray()) {
            node.forEach(element -> removeKeys(element, keys));
        }
    }
}
