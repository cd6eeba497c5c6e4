package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Links (exports, charts, invites) point where Tandem really is: the configured public URL, or the port it took. */
class PublicUrlTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINK = Pattern.compile("https?://[^\\s)>]+/exports/[0-9a-f]+\\.csv");

    private static String exportLink(int port) {
        HttpResponse<String> answer = new Http(port)
                .postJson(
                        "/api/console/messages",
                        JSON.writeValueAsString(Map.of("user", "lena", "text", "/stats export", "locale", "en")));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher link = LINK.matcher(
                JSON.readTree(answer.body()).get("reply").get("text").asString());
        assertThat(link.find()).as(answer.body()).isTrue();
        return link.group();
    }

    /** A user who picked another port: no public URL set, the server on a random port. */
    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    class WithoutAPublicUrl {

        @DynamicPropertySource
        static void dataDir(DynamicPropertyRegistry registry) {
            registry.add(
                    "tandem.data-dir", () -> TestDataDirs.fresh("public-url").toString());
        }

        @LocalServerPort
        int port;

        @Test
        void linksFollowThePortTandemListensOnAndOpen() throws Exception {
            String link = exportLink(port);

            assertThat(link).startsWith("http://localhost:" + port + "/exports/");
            HttpResponse<String> csv = new Http(port).get(link.substring(("http://localhost:" + port).length()));
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("csv"));
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "tandem.public-url=https://tandem.example.com/")
    class WithAPublicUrl {

        @DynamicPropertySource
        static void dataDir(DynamicPropertyRegistry registry) {
            registry.add(
                    "tandem.data-dir",
                    () -> TestDataDirs.fresh("public-url-set").toString());
        }

        @LocalServerPort
        int port;

        @Test
        void linksUseTheConfiguredAddressWithoutADoubleSlash() {
            assertThat(exportLink(port)).startsWith("https://tandem.example.com/exports/");
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void warnsInSlackModeThatLocalhostLinksCannotBeReached(CapturedOutput output) {
        ServerPublicUrl slack =
                new ServerPublicUrl("", 8080, new MockEnvironment().withProperty("tandem.slack.bot-token", "xoxb-1"));
        ServerPublicUrl local = new ServerPublicUrl("", 8080, new MockEnvironment());
        ServerPublicUrl set = new ServerPublicUrl(
                "https://t.example.com", 8080, new MockEnvironment().withProperty("tandem.slack.bot-token", "xoxb-1"));

        local.onApplicationEvent(started(18080));
        assertThat(local.base()).isEqualTo("http://localhost:18080");
        assertThat(output.getAll()).doesNotContain("TANDEM_PUBLIC_URL is not set");
        set.onApplicationEvent(started(18081));
        assertThat(set.base()).isEqualTo("https://t.example.com");
        assertThat(output.getAll()).doesNotContain("TANDEM_PUBLIC_URL is not set");
        slack.onApplicationEvent(started(18082));
        assertThat(output.getAll()).contains("TANDEM_PUBLIC_URL is not set", "http://localhost:18082");
    }

    private static WebServerInitializedEvent started(int port) {
        WebServer server = mock(WebServer.class);
        when(server.getPort()).thenReturn(port);
        WebServerApplicationContext context = mock(WebServerApplicationContext.class);
        when(context.getServerNamespace()).thenReturn(null);
        return new WebServerInitializedEvent(server) {
            @Override
            public WebServerApplicationContext getApplicationContext() {
                return context;
            }
        };
    }
}
