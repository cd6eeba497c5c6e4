package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console's leads and language endpoints through the real server, with the demo organisation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleMembersTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add(
                "tandem.data-dir", () -> TestDataDirs.fresh("console-members").toString());
    }

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode language(String user, String locale) {
        String body = json.writeValueAsString(Map.of("user", user, "locale", locale));
        return ok(http.postJson("/api/console/language", body));
    }

    private String lastNotification(String user, String containing) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> {
                            JsonNode notes = ok(http.get("/api/console/inbox?user=" + user))
                                    .get("notifications");
                            return notes.isEmpty()
                                    ? ""
                                    : notes.get(notes.size() - 1).get("text").asString();
                        },
                        text -> text.contains(containing));
    }

    @Test
    void namesTheDemoLead() {
        JsonNode leads = ok(http.get("/api/console/leads")).get("leads");
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0).get("handle").asString()).isEqualTo("lena");
        assertThat(leads.get(0).get("name").asString()).isEqualTo("Lena Fischer");
    }

    @Test
    void theLanguageSwitchChangesWhatTheMemberIsSentBeforeTheyTypeAnything() {
        // ines is French in the demo organisation; the console's EN switch makes her English at once
        assertThat(language("ines", "en").get("language").asString()).isEqualTo("en");
        ok(http.postJson(
                "/api/console/messages",
                json.writeValueAsString(
                        Map.of("user", "james.whitfield", "text", "/mentor request @ines seo", "locale", "en"))));
        assertThat(lastNotification("ines", "James Whitfield")).contains("would like to learn");

        // and back to French: the next notification is in French
        assertThat(language("@Ines", "fr").get("language").asString()).isEqualTo("fr");
        ok(http.postJson(
                "/api/console/messages",
                json.writeValueAsString(
                        Map.of("user", "david.chen", "text", "/mentor request @ines seo", "locale", "en"))));
        assertThat(lastNotification("ines", "David Chen")).contains("aimerait apprendre");
    }

    @Test
    void aLanguageTheMemberChoseThemselvesWins() {
        ok(http.postJson(
                "/api/console/messages",
                json.writeValueAsString(
                        Map.of("user", "noah.williams", "text", "/mentor set language en", "locale", "en"))));
        assertThat(language("noah.williams", "fr").get("language").asString()).isEqualTo("en");
    }

    @Test
    void refusesABadLanguageRequestWithA400() {
        for (String body : new String[] {
            "{}",
            "{\"user\":\"alice\"}",
            "{\"user\":\"alice\",\"locale\":\"\"}",
            "{\"user\":\"alice\",\"locale\":\"!!\"}",
            "{\"user\":\"a b\",\"locale\":\"fr\"}",
            "not json",
            "null"
        }) {
            HttpResponse<String> response = http.postJson("/api/console/language", body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("error").asString())
                    .as(body)
                    .isNotBlank();
        }
        assertThat(http.get("/api/console/language").statusCode()).isEqualTo(405);
        assertThat(http.postJson("/api/console/leads", "{}").statusCode()).isEqualTo(405);
    }
}
