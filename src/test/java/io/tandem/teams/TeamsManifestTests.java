package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Teams app in {@code manifests/teams} is valid for Teams (Microsoft's v1.29 manifest schema), offers one
 * conversational bot in personal chats, teams and group chats whose suggested commands are all commands Tandem
 * understands, ships icons Teams accepts, and {@code package.sh} turns it into the zip to upload, with the real
 * app id and host in place of the placeholders.
 */
class TeamsManifestTests {

    private static final Path TEAMS_DIR = Path.of("manifests", "teams");
    private static final Path MANIFEST = TEAMS_DIR.resolve("manifest.json");
    private static final Path COLOR_ICON = TEAMS_DIR.resolve("color.png");
    private static final Path OUTLINE_ICON = TEAMS_DIR.resolve("outline.png");
    private static final Path PACKAGE_SCRIPT = TEAMS_DIR.resolve("package.sh");

    /** The manifest's {@code $schema}; the schema file has no {@code $id}, so it is served under this URL. */
    private static final String SCHEMA_URL =
            "https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json";

    private static final String SCHEMA_FILE = "MicrosoftTeams.v1.29.schema.json";

    /**
     * The committed manifest's app id. Teams' schema requires a GUID ({@code {{MICROSOFT_APP_ID}}} would not
     * validate), so the placeholder is the zero GUID, which {@code package.sh} replaces.
     */
    private static final String PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000";

    private static final String PLACEHOLDER_HOST = "YOUR-TANDEM-HOST";
    private static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    private static final String HOST = "tandem.example.com";

    private static final List<String> BOT_SCOPES = List.of("personal", "team", "groupChat");
    /** The English command words the engine registers; a suggested command must be one of them. */
    private static final Set<String> TANDEM_COMMANDS = Set.of(
            "help", "find", "teach", "learn", "unteach", "unlearn", "profile", "bio", "set", "skills", "pause",
            "resume");

    private static final Set<String> PACKAGE_FILES = Set.of("manifest.json", "color.png", "outline.png");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static Schema teamsSchema;
    private static ObjectNode manifest;

    @BeforeAll
    static void loadSchemaAndManifest() throws IOException {
        Path schemaFile = sharedSchemas().resolve("teams").resolve(SCHEMA_FILE);
        // The schema declares draft-04 but also uses "const" (manifestVersion) and "if"/"then", which came later:
        // add them, so that they are checked rather than ignored. It refers to no other schema file.
        Dialect draft4 = Dialect.builder(Dialects.getDraft4())
                .keyword(KeywordType.CONST)
                .keyword(KeywordType.IF_THEN_ELSE)
                .keyword(new NonValidationKeyword("then"))
                .keyword(new NonValidationKeyword("else"))
                .build();
        // Served from the local copy only: the validator never goes to the network.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                draft4,
                builder -> builder.schemas(Map.of(SCHEMA_URL, readString(schemaFile)))
                        .schemaLoader(loader -> loader.fetchRemoteResources(false))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .regularExpressionFactory(TeamsManifestTests::ecmaScriptPattern)
                                .build()));
        teamsSchema = registry.getSchema(SchemaLocation.of(SCHEMA_URL));
        manifest = readObject(Files.readString(MANIFEST));
    }

    /**
     * JSON Schema patterns are ECMAScript regular expressions. One of Teams' (for {@code .xll} files) uses
     * {@code [\\b\\v]}, backspace and vertical tab in ECMAScript, which {@link java.util.regex} rejects or reads
     * differently: spell those two as hex escapes, and let the library's JDK factory do the rest.
     */
    private static RegularExpression ecmaScriptPattern(String regex) {
        StringBuilder java = new StringBuilder(regex.length());
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                if (next == 'v') {
                    java.append("\\x0B");
                } else if (next == 'b' && inClass) {
                    java.append("\\x08");
                } else {
                    java.append(c).append(next);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            }
            java.append(c);
        }
        return JDKRegularExpressionFactory.getInstance().getRegularExpression(java.toString());
    }

    /** {@code ../shared/schemas} beside the project (as CI lays it out), else the workplace's copy. */
    private static Path sharedSchemas() {
        Path besideProject = Path.of("..", "shared", "schemas").toAbsolutePath().normalize();
        Path schemas =
                Files.isDirectory(besideProject.resolve("teams")) ? besideProject : Path.of("/work/shared/schemas");
        assertThat(schemas.resolve("teams").resolve(SCHEMA_FILE))
                .as("Teams' manifest schema")
                .isRegularFile();
        return schemas;
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode readObject(String json) {
        JsonNode node = JSON.readTree(json);
        assertThat(node.isObject()).as("a JSON object").isTrue();
        return (ObjectNode) node;
    }

    private static List<String> schemaErrors(JsonNode manifest) {
        return teamsSchema.validate(manifest).stream().map(Error::toString).toList();
    }

    @Test
    void validatesAgainstTheTeamsSchema() {
        assertThat(schemaErrors(manifest))
                .as("manifest.json against Teams' v1.29 schema")
                .isEmpty();
    }

    @Test
    void rejectsAManifestThatBreaksTheTeamsSchema() {
        ObjectNode placeholderId = manifest.deepCopy();
        placeholderId.put("id", "{{MICROSOFT_APP_ID}}");
        ObjectNode olderVersion = manifest.deepCopy();
        olderVersion.put("manifestVersion", "1.28");
        ObjectNode longShortDescription = manifest.deepCopy();
        ((ObjectNode) longShortDescription.get("description")).put("short", "x".repeat(81));
        ObjectNode thirteenCommands = manifest.deepCopy();
        ArrayNode commands = (ArrayNode)
                thirteenCommands.get("bots").get(0).get("commandLists").get(0).get("commands");
        while (commands.size() <= 12) {
            commands.addObject().put("title", "help");
        }
        ObjectNode fourLists = manifest.deepCopy();
        ArrayNode lists = (ArrayNode) fourLists.get("bots").get(0).get("commandLists");
        while (lists.size() <= 3) {
            lists.add(lists.get(0).deepCopy());
        }
        ObjectNode unknownScope = manifest.deepCopy();
        ((ArrayNode) unknownScope.get("bots").get(0).get("scopes")).add("channel");

        assertThat(schemaErrors(placeholderId)).as("a non-GUID id").isNotEmpty();
        assertThat(schemaErrors(olderVersion)).as("manifestVersion 1.28").isNotEmpty();
        assertThat(schemaErrors(longShortDescription))
                .as("an 81-character short description")
                .isNotEmpty();
        assertThat(schemaErrors(thirteenCommands)).as("13 commands in a list").isNotEmpty();
        assertThat(schemaErrors(fourLists)).as("4 command lists").isNotEmpty();
        assertThat(schemaErrors(unknownScope)).as("an unknown bot scope").isNotEmpty();
    }

    @Test
    void describesTandemWithPlaceholdersForTheAppIdAndHost() {
        assertThat(manifest.path("$schema").asString()).isEqualTo(SCHEMA_URL);
        assertThat(manifest.path("manifestVersion").asString()).isEqualTo("1.29");
        assertThat(manifest.path("version").asString()).isEqualTo("0.1.0");
        assertThat(manifest.path("id").asString()).isEqualTo(PLACEHOLDER_APP_ID);
        assertThat(manifest.path("bots").path(0).path("botId").asString()).isEqualTo(PLACEHOLDER_APP_ID);
        assertThat(manifest.path("name").path("short").asString()).isEqualTo("Tandem");
        assertThat(manifest.path("name").path("full").asString()).isEqualTo("Tandem — reverse mentoring");
        assertThat(manifest.path("developer").path("name").asString()).isEqualTo("Tandem");
        assertThat(manifest.path("accentColor").asString()).isEqualTo("#1F6F5C");
        assertThat(strings(manifest.path("validDomains"))).containsExactly(PLACEHOLDER_HOST);
        assertThat(developerUrls(manifest))
                .hasSize(3)
                .allSatisfy(url -> assertThat(url).startsWith("https://" + PLACEHOLDER_HOST + "/"));
        assertThat(manifest.path("description").path("full").asString()).containsPattern("(?i)reverse[- ]mentoring");
    }

    @Test
    void offersOneConversationalBotInPersonalChatsTeamsAndGroupChats() {
        JsonNode bots = manifest.path("bots");
        assertThat(bots.size()).isEqualTo(1);
        JsonNode bot = bots.get(0);
        assertThat(strings(bot.path("scopes")))
                .containsExactlyInAnyOrderElementsOf(BOT_SCOPES)
                .hasSize(BOT_SCOPES.size());
        assertThat(bot.path("supportsFiles").isBoolean()).isTrue();
        assertThat(bot.path("supportsFiles").asBoolean()).isFalse();
        assertThat(bot.path("isNotificationOnly").isBoolean()).isTrue();
        assertThat(bot.path("isNotificationOnly").asBoolean()).isFalse();
    }

    @Test
    void suggestsOnlyCommandsTandemUnderstands() {
        JsonNode bot = manifest.path("bots").path(0);
        JsonNode lists = bot.path("commandLists");
        assertThat(lists.size()).as("command lists").isBetween(1, 3);
        Set<String> coveredScopes = new HashSet<>();
        for (JsonNode list : lists) {
            List<String> scopes = strings(list.path("scopes"));
            assertThat(scopes).as("a command list's scopes").isNotEmpty().isSubsetOf(strings(bot.path("scopes")));
            coveredScopes.addAll(scopes);
            List<String> titles = new ArrayList<>();
            list.path("commands")
                    .forEach(command -> titles.add(command.path("title").asString()));
            assertThat(titles)
                    .as("commands for " + scopes)
                    .hasSizeBetween(1, 12)
                    .doesNotHaveDuplicates()
                    .isSubsetOf(TANDEM_COMMANDS)
                    .contains("find", "help");
            list.path("commands")
                    .forEach(command -> assertThat(command.path("description").asString())
                            .as("description of " + command.path("title").asString())
                            .isNotBlank());
        }
        assertThat(coveredScopes).as("scopes with suggested commands").containsExactlyInAnyOrderElementsOf(BOT_SCOPES);
    }

    @Test
    void shipsAColorIconAndATransparentWhiteOutlineIcon() throws IOException {
        assertThat(manifest.path("icons").path("color").asString()).isEqualTo("color.png");
        assertThat(manifest.path("icons").path("outline").asString()).isEqualTo("outline.png");

        BufferedImage color = readPng(Files.readAllBytes(COLOR_ICON));
        assertThat(color.getWidth()).isEqualTo(192);
        assertThat(color.getHeight()).isEqualTo(192);

        BufferedImage outline = readPng(Files.readAllBytes(OUTLINE_ICON));
        assertThat(outline.getWidth()).isEqualTo(32);
        assertThat(outline.getHeight()).isEqualTo(32);
        assertThat(outline.getColorModel().hasAlpha())
                .as("outline.png has an alpha channel")
                .isTrue();
        int transparent = 0;
        int visible = 0;
        for (int y = 0; y < outline.getHeight(); y++) {
            for (int x = 0; x < outline.getWidth(); x++) {
                int argb = outline.getRGB(x, y);
                if (argb >>> 24 == 0) {
                    transparent++;
                } else {
                    visible++;
                    assertThat(argb & 0xFFFFFF)
                            .as("outline pixel (%d, %d) is white", x, y)
                            .isEqualTo(0xFFFFFF);
                }
            }
        }
        assertThat(transparent).as("transparent outline pixels").isPositive();
        assertThat(visible).as("visible outline pixels").isPositive();
    }

    @Test
    void packagesTheManifestAndIconsWithTheAppIdAndHost(@TempDir Path workDir) throws Exception {
        Path outDir = workDir.resolve("out");
        Run run = packageScript(
                workDir,
                Map.of("MICROSOFT_APP_ID", APP_ID, "TANDEM_HOST", HOST, "TEAMS_PACKAGE_DIR", outDir.toString()));

        Path zip = outDir.resolve("tandem-teams.zip");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains(zip.toString());
        assertThat(zip).isRegularFile();

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(PACKAGE_FILES);
        assertThat(entries.get("color.png")).isEqualTo(Files.readAllBytes(COLOR_ICON));
        assertThat(entries.get("outline.png")).isEqualTo(Files.readAllBytes(OUTLINE_ICON));

        String text = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(PLACEHOLDER_APP_ID).doesNotContain(PLACEHOLDER_HOST);
        ObjectNode packaged = readObject(text);
        assertThat(schemaErrors(packaged))
                .as("the packaged manifest against Teams' schema")
                .isEmpty();
        assertThat(packaged.path("id").asString()).isEqualTo(APP_ID);
        assertThat(packaged.path("bots").path(0).path("botId").asString()).isEqualTo(APP_ID);
        assertThat(strings(packaged.path("validDomains"))).containsExactly(HOST);
        assertThat(developerUrls(packaged))
                .hasSize(3)
                .allSatisfy(url -> assertThat(url).startsWith("https://" + HOST + "/"));

        // Apart from the placeholders, the packaged manifest is the committed one.
        ObjectNode expected = manifest.deepCopy();
        expected.put("id", APP_ID);
        ((ObjectNode) expected.get("bots").get(0)).put("botId", APP_ID);
        ((ArrayNode) expected.get("validDomains")).removeAll().add(HOST);
        ObjectNode developer = (ObjectNode) expected.get("developer");
        for (String key : List.of("websiteUrl", "privacyUrl", "termsOfUseUrl")) {
            developer.put(key, developer.get(key).asString().replace(PLACEHOLDER_HOST, HOST));
        }
        assertThat(packaged).isEqualTo(expected);
    }

    @Test
    void refusesAMalformedOrMissingAppId(@TempDir Path workDir) throws Exception {
        for (String appId : List.of("not-a-guid", "11111111-2222-3333-4444-55555555555", PLACEHOLDER_APP_ID, "")) {
            Path outDir = workDir.resolve("out-" + appId.length());
            Run run = packageScript(
                    workDir,
                    Map.of("MICROSOFT_APP_ID", appId, "TANDEM_HOST", HOST, "TEAMS_PACKAGE_DIR", outDir.toString()));
            assertThat(run.exitCode()).as("app id '%s': %s", appId, run).isNotZero();
            assertThat(run.stderr()).as("app id '%s'", appId).contains("MICROSOFT_APP_ID");
            assertThat(outDir.resolve("tandem-teams.zip")).doesNotExist();
        }
    }

    @Test
    void refusesAHostWithASchemeOrPath(@TempDir Path workDir) throws Exception {
        for (String host : List.of("https://" + HOST, HOST + "/api", "")) {
            Path outDir = workDir.resolve("out-" + host.length());
            Run run = packageScript(
                    workDir,
                    Map.of("MICROSOFT_APP_ID", APP_ID, "TANDEM_HOST", host, "TEAMS_PACKAGE_DIR", outDir.toString()));
            assertThat(run.exitCode()).as("host '%s': %s", host, run).isNotZero();
            assertThat(run.stderr()).as("host '%s'", host).contains("TANDEM_HOST");
            assertThat(outDir.resolve("tandem-teams.zip")).doesNotExist();
        }
    }

    private record Run(int exitCode, String stdout, String stderr) {}

    /** Runs package.sh with bash from {@code workDir}, not from the project, with the given environment. */
    private static Run packageScript(Path workDir, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("bash", PACKAGE_SCRIPT.toAbsolutePath().toString()).directory(workDir.toFile());
        builder.environment().keySet().removeAll(List.of("MICROSOFT_APP_ID", "TANDEM_HOST", "TEAMS_PACKAGE_DIR"));
        builder.environment().putAll(env);
        Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
        Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("package.sh did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static BufferedImage readPng(byte[] bytes) throws IOException {
        assertThat(bytes).as("the PNG signature").startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a readable PNG").isNotNull();
        return image;
    }

    private static List<String> developerUrls(JsonNode manifest) {
        JsonNode developer = manifest.path("developer");
        return List.of("websiteUrl", "privacyUrl", "termsOfUseUrl").stream()
                .filter(developer::has)
                .map(key -> developer.get(key).asString())
                .toList();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
