package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.profiles.ProfileStore;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With credentials, every request's token is checked by the SDK: missing, forged or expired → 401, nothing done. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.teams.app-id=" + TeamsAuthenticationTests.APP_ID,
            "tandem.teams.app-password=secret",
            "tandem.teams.tenant-id=tenant-1",
            "tandem.demo.enabled=false",
            // offline, the SDK cannot fetch Microsoft's signing keys: it logs that at ERROR each time a token is
            // checked,
            // and the request is refused (401) as this test expects; a deployment that cannot fetch them must still see
            // it
            "logging.level.com.microsoft.bot.connector.authentication.CachingOpenIdMetadata=OFF"
        })
class TeamsAuthenticationTests {

    static final String APP_ID = "11111111-2222-3333-4444-555555555555";
    static final FakeBotConnector teams = FakeBotConnector.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("teams-auth").toString());
    }

    @AfterAll
    static void stopFake() {
        teams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileStore profiles;

    private HttpResponse<String> post(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(teams.activities()
                        .personalMessage("teach hacking", "aad-mallory", "Mallory", "en-US", "Europe/Paris")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String jwt(long expiresAt) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://api.botframework.com\",\"aud\":\"" + APP_ID
                        + "\",\"exp\":" + expiresAt + ",\"nbf\":" + (expiresAt - 3600) + ",\"serviceurl\":\""
                        + teams.serviceUrl() + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        return "Bearer " + header + "." + claims + "." + b64.encodeToString("not-a-signature".getBytes());
    }

    @Test
    void rejectsAMissingAForgedAndAnExpiredToken() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(401);
        assertThat(post("Bearer not.a.token").statusCode()).isEqualTo(401);
        assertThat(post(jwt(Instant.now().plusSeconds(3600).getEpochSecond())).statusCode())
                .isEqualTo(401);
        assertThat(post(jwt(Instant.now().minusSeconds(3600).getEpochSecond())).statusCode())
                .isEqualTo(401);
        assertThat(profiles.find(MemberId.of(Platform.TEAMS, "tenant-1", "aad-mallory")))
                .isEmpty();
        assertThat(teams.sentActivities()).isEmpty();
    }

    @Test
    void passesTheTenantIntoOutgoingCredentials() {
        TeamsAdapter adapter = new TeamsAdapter(new TeamsProperties(APP_ID, "secret", "tenant-1", null, 0));
        var credentials = adapter.buildAppCredentials(APP_ID, "https://api.botframework.com")
                .join();
        assertThat(credentials.getChannelAuthTenant()).isEqualTo("tenant-1");
        TeamsAdapter multi = new TeamsAdapter(new TeamsProperties(APP_ID, "secret", null, null, 0));
        assertThat(multi.buildAppCredentials(APP_ID, "https://api.botframework.com")
                        .join()
                        .getChannelAuthTenant())
                .isNotEqualTo("tenant-1");
    }
}
