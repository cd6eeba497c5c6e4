package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Replays {@code src/test/resources/teams-corpus} (see its README) against the running endpoint in emulator mode:
 * every member message is answered, every other activity is a 2xx, every malformed one a clean 400, never a 5xx
 * and never a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tandem.demo.enabled=false")
class TeamsCorpusTests {

    static final Path CORPUS = Paths.get("src/test/resources/teams-corpus");
    static final FakeBotConnector teams = FakeBotConnector.start();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("teams-corpus").toString());
    }

    @AfterAll
    static void stopFake() {
        teams.close();
    }

    @LocalServerPort
    int port;

    static Stream<Path> answered() throws IOException {
        return files("answered");
    }

    static Stream<Path> accepted() throws IOException {
        return files("accepted");
    }

    static Stream<Path> refused() throws IOException {
        return files("refused");
    }

    private static Stream<Path> files(String kind) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(CORPUS.resolve(kind))) {
            files = listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as(kind).isNotEmpty();
        return files.stream();
    }

    private String activity(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("${serviceUrl}", teams.serviceUrl());
    }

    @ParameterizedTest
    @MethodSource("answered")
    void answersEveryMemberMessage(Path file, CapturedOutput output) throws IOException {
        String body = activity(file);
        String conversation =
                JSON.readTree(body).path("conversation").path("id").asText();
        var response = new Http(port).postJson("/api/messages", body);
        assertThat(response.statusCode()).as(file + ": " + response.body()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(teams.sentActivities(conversation))
                        .as(file + ": an answer in " + conversation)
                        .isNotEmpty());
        assertThat(teams.sentActivities(conversation).get(0).type())
                .as(file.toString())
                .isEqualTo("message");
        assertNoStackTrace(file, output);
    }

    @ParameterizedTest
    @MethodSource("accepted")
    void acceptsEveryOtherActivity(Path file, CapturedOutput output) throws IOException {
        var response = new Http(port).postJson("/api/messages", activity(file));
        assertThat(response.statusCode()).as(file + ": " + response.body()).isBetween(200, 299);
        assertNoStackTrace(file, output);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesMalformedActivitiesCleanly(Path file, CapturedOutput output) throws IOException {
        String body = activity(file);
        JsonNode tree = JSON.readTree(body);
        String conversation = tree.path("conversation").path("id").asText("none");
        int before = teams.sentActivities().size();
        var response = new Http(port).postJson("/api/messages", body);
        assertThat(response.statusCode()).as(file + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Not a Bot Framework activity");
        assertThat(output.getAll()).as(file.toString()).containsOnlyOnce("Refused an unreadable Teams activity");
        assertThat(teams.sentActivities().size()).as(file + ": nothing sent").isEqualTo(before);
        assertThat(teams.sentActivities(conversation)).isEmpty();
        assertNoStackTrace(file, output);
    }

    private static void assertNoStackTrace(Path file, CapturedOutput output) {
        assertThat(output.getAll()).as(file + ": the log").doesNotContain("\tat ", "ERROR");
    }
}
