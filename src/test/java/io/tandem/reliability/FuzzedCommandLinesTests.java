package io.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.FakeSlackApi;
import io.tandem.support.Http;
import io.tandem.support.SlackRequests;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ten thousand generated command lines through the console API, and a sample of them as signed Slack slash
 * commands: whatever is typed, Tandem answers (never a 5xx) with text a member can read (no stack trace, no
 * placeholder, no apology for an unexpected error). A failure names the seed and the first failing line.
 */
class FuzzedCommandLinesTests extends RunningTandem {

    static final long SEED = 20_260_521L;
    static final int LINES = 10_000;
    static final int SLACK_EVERY = 20;
    static final List<String> CONSOLE_USERS = List.of("alice", "bob", "carol", "fuzz.dave");
    static final List<String> SLACK_USERS = List.of("U0ALICE", "U0BOB", "U0CAROL");

    // Half the bodies escape every non-ASCII character (\\uD83D reaches the server as a lone surrogate), half send
    // raw UTF-8.
    private final JsonMapper escaping =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<String> lines = new CommandLineFuzzer(SEED).lines(LINES);
    private final Leaks leaks = new Leaks(lines);

    @BeforeEach
    void members() {
        slack.addUser("U0ALICE", "Alice Morgan", "Europe/London", "en-GB");
        slack.addUser("U0BOB", "Bob Carter", "Europe/Paris", "fr-FR");
        slack.addUser("U0CAROL", "Carol Diaz", "America/New_York", "en-US");
        Http http = new Http(port);
        for (String user : CONSOLE_USERS) {
            http.postJson("/api/console/messages", "{\"user\":\"" + user + "\",\"text\":\"/mentor teach seo\"}");
        }
    }

    @Test
    void answersEveryFuzzedLineOnTheConsoleWithText() {
        Http http = new Http(port);
        Map<Integer, String> problems = Hammer.run(8, LINES, i -> {
            String line = lines.get(i);
            Map<String, String> request = new LinkedHashMap<>();
            request.put("user", CONSOLE_USERS.get(i % CONSOLE_USERS.size()));
            request.put("text", line);
            if (i % 5 == 0) {
                request.put("locale", "fr");
            }
            HttpResponse<String> response =
                    http.postJson("/api/console/messages", (i % 2 == 0 ? escaping : json).writeValueAsString(request));
            if (response.statusCode() != 200) {
                return "status " + response.statusCode() + ": " + response.body();
            }
            JsonNode answer;
            try {
                answer = json.readTree(response.body());
            } catch (RuntimeException e) {
                return "not JSON: " + response.body();
            }
            JsonNode text = answer.path("reply").path("text");
            if (!text.isString() || text.asString().isBlank()) {
                return "no reply.text: " + response.body();
            }
            return leaks.inText(response.body(), answer)
                    .map(leak -> "the answer " + leak + ": " + response.body())
                    .orElse(null);
        });
        assertThat(problems)
                .as(() -> Hammer.report("fuzzed-console", problems, LINES, i -> describe(i)))
                .isEmpty();
    }

    @Test
    void answersASampleAsSignedSlackCommandsWithoutAServerError() {
        SlackRequests requests = new SlackRequests(port, SECRET);
        int count = LINES / SLACK_EVERY;
        Map<Integer, String> problems = Hammer.run(8, count, n -> {
            String line = lines.get(n * SLACK_EVERY);
            String stripped = line.strip();
            String command = stripped.startsWith("/stats") ? "/stats" : "/mentor";
            String text = stripped.startsWith(command) ? stripped.substring(command.length()) : line;
            String user = SLACK_USERS.get(n % SLACK_USERS.size());
            HttpResponse<String> response = requests.command(command, text, user, slack.responseUrl("fuzz-" + n));
            if (response.statusCode() >= 500) {
                return "status " + response.statusCode() + ": " + response.body();
            }
            if (response.statusCode() != 200) {
                return "a signed command refused with " + response.statusCode() + ": " + response.body();
            }
            JsonNode answer;
            try {
                answer = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            } catch (RuntimeException e) {
                return "not JSON: " + response.body();
            }
            return leaks.inText(response.body(), answer)
                    .map(leak -> "the ack " + leak + ": " + response.body())
                    .orElse(null);
        });
        assertThat(problems)
                .as(() -> Hammer.report("fuzzed-slack", problems, count, n -> describe(n * SLACK_EVERY)))
                .isEmpty();
        // answers sent later (response_url, DMs) are checked too
        List<String> later = slack.calls().stream()
                .filter(c -> !c.method().equals("users.info"))
                .map(FakeSlackApi.Call::rawBody)
                .filter(body -> leaks.inBody(body).isPresent())
                .toList();
        assertThat(later).as("messages sent to Slack after the ack").isEmpty();
    }

    private String describe(int i) {
        return "line " + i + " of new CommandLineFuzzer(" + SEED + "L).lines(" + LINES + "): "
                + Hammer.quote(lines.get(i));
    }
}
