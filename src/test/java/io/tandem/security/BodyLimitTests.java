package io.tandem.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code tandem.http.max-body} (1 MB by default) on {@code /slack/events} and {@code /api/messages}: a body declared
 * larger is a 413 before it is read, one sent chunked is read up to the limit and no further, and the platforms'
 * own requests, chunked or not, still go through.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.slack.bot-token=xoxb-body-token",
            "tandem.slack.signing-secret=" + BodyLimitTests.SECRET,
            "tandem.teams.emulator=true",
            "tandem.demo.enabled=false"
        })
class BodyLimitTests {

    static final String SECRET = "body-limit-secret";
    static final long FIFTY_MB = 50L * 1024 * 1024;
    static final FakeSlackApi slack = FakeSlackApi.start();
    static final FakeBotConnector teams = FakeBotConnector.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.slack.api-url", slack::apiUrl);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("body-limit").toString());
    }

    @AfterAll
    static void stopFakes() {
        slack.close();
        teams.close();
    }

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/api/messages"})
    void refusesAFiftyMegabyteBodyAtOnceWithoutHoldingIt(String path, CapturedOutput output) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        Sent sent = stream(path, "Content-Length: " + FIFTY_MB, FIFTY_MB, false);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(sent.status).isEqualTo(413);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(sent.bytes)
                .as("the answer came long before the body was all sent")
                .isLessThan(FIFTY_MB / 2);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(16L * 1024 * 1024);
        assertThat(output.getAll())
                .contains("Refused a request body over 1048576 bytes on " + path)
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/slack/events", "/api/messages"})
    void refusesAChunkedBodyOverTheLimit(String path) throws Exception {
        long heapBefore = usedHeapAfterGc();
        Sent sent = stream(path, "Transfer-Encoding: chunked", FIFTY_MB, true);
        assertThat(sent.status).isEqualTo(413);
        assertThat(sent.bytes).isLessThan(FIFTY_MB / 2);
        assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void refusesABodyJustOverTheLimitAndTakesOneAtIt() throws Exception {
        assertThat(stream("/slack/events", "Content-Length: " + (1024 * 1024 + 1), 1024 * 1024 + 1, false).status)
                .isEqualTo(413);
        assertThat(stream("/slack/events", "Transfer-Encoding: chunked", 1024 * 1024 + 1, true).status)
                .isEqualTo(413);
        // exactly the limit: it reaches the endpoint, which refuses a megabyte of zeros as no payload of its own
        assertThat(stream("/slack/events", "Content-Length: " + 1024 * 1024, 1024 * 1024, false).status)
                .isEqualTo(400);
        assertThat(stream("/slack/events", "Transfer-Encoding: chunked", 1024 * 1024, true).status)
                .isEqualTo(400);
        assertThat(stream("/api/messages", "Transfer-Encoding: chunked", 1024 * 1024, true).status)
                .isEqualTo(400);
    }

    @Test
    void stillTakesSignedSlackRequests() {
        SlackRequests requests = new SlackRequests(port, SECRET);
        slack.addUser("U0BODY", "Body Builder", "Europe/London", "en-GB");
        HttpResponse<String> challenge = requests.event(
                "{\"type\":\"url_verification\",\"token\":\"t\",\"challenge\":\"body-limit-challenge\"}", Map.of());
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(challenge.body()).contains("body-limit-challenge");
        assertThat(requests.command("/mentor", "help", "U0BODY", slack.responseUrl("body"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void stillTakesChunkedRequests() throws Exception {
        String body = SlackRequests.slashCommand("/mentor", "help", "U0BODY", slack.responseUrl("chunked"));
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpResponse<String> slackResponse = chunked(
                "/slack/events",
                body,
                Map.of(
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Slack-Request-Timestamp",
                        ts,
                        "X-Slack-Signature",
                        new SlackSignature.Generator(SECRET).generate(ts, body)));
        assertThat(slackResponse.statusCode()).as(slackResponse.body()).isEqualTo(200);

        HttpResponse<String> teamsResponse = chunked(
                "/api/messages",
                teams.activities().personalMessage("help", "aad-chunked", "Chunk", "en-GB", "Europe/London"),
                Map.of("Content-Type", "application/json"));
        assertThat(teamsResponse.statusCode()).as(teamsResponse.body()).isBetween(200, 299);
        assertThat(teams.awaitActivity(Duration.ofSeconds(20)).isReply()).isTrue();
    }

    private HttpResponse<String> chunked(String path, String body, Map<String, String> headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    record Sent(int status, long bytes) {}

    /** Streams {@code size} bytes of zeros from a small buffer while waiting for the status line. */
    private Sent stream(String path, String lengthHeader, long size, boolean chunked) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + lengthHeader + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(
                    () -> {
                        byte[] chunk = new byte[64 * 1024];
                        try {
                            while (sent.get() < size) {
                                int n = (int) Math.min(chunk.length, size - sent.get());
                                if (chunked) {
                                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                }
                                out.write(chunk, 0, n);
                                if (chunked) {
                                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                                }
                                sent.addAndGet(n);
                            }
                            if (chunked) {
                                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                            out.flush();
                        } catch (IOException e) {
                            // the server closed the connection after its answer: expected for a refused body
                        }
                    },
                    "body-writer");
            writer.setDaemon(true);
            writer.start();
            int status = RawHttp.status(socket.getInputStream());
            long bytes = sent.get();
            socket.close();
            writer.join(10_000);
            return new Sent(status, bytes);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
