package io.tandem.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Requests as Slack sends them to {@code /slack/events}, signed with the real algorithm
 * ({@code v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}).
 */
public final class SlackRequests {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String secret;

    public SlackRequests(int port, String secret) {
        this.url = "http://127.0.0.1:" + port + "/slack/events";
        this.secret = secret;
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A slash command from a member of the fake team. */
    public static String slashCommand(String command, String text, String user, String responseUrl) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", FakeSlackApi.TEAM_ID);
        f.put("team_domain", "tandem-test");
        f.put("channel_id", "C0GENERAL");
        f.put("channel_name", "general");
        f.put("user_id", user);
        f.put("user_name", user.toLowerCase());
        f.put("command", command);
        f.put("text", text);
        f.put("api_app_id", "A0TANDEM");
        f.put("response_url", responseUrl);
        f.put("trigger_id", "trigger-" + user);
        return form(f);
    }

    public HttpResponse<String> post(String contentType, String body) {
        return post(contentType, body, System.currentTimeMillis() / 1000, secret, Map.of());
    }

    public HttpResponse<String> post(
            String contentType, String body, long timestamp, String signingSecret, Map<String, String> headers) {
        String ts = String.valueOf(timestamp);
        String signature = new SlackSignature.Generator(signingSecret).generate(ts, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ackSlackAccepts(response);
        return response;
    }

    /**
     * An ack is a payload too: its blocks (a slash command's answer) or its view (a form's new step) must follow
     * Block Kit's rules, or Slack shows an error instead ({@link BlockKitRules}).
     */
    private static void ackSlackAccepts(HttpResponse<String> response) {
        String body = response.body();
        if (response.statusCode() != 200 || body == null || !body.strip().startsWith("{")) {
            return;
        }
        JsonObject ack;
        try {
            ack = JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return;
        }
        List<String> broken = new ArrayList<>(BlockKitRules.message(ack.get("blocks")));
        if (ack.has("view")) {
            broken.addAll(BlockKitRules.view(ack.get("view")));
        }
        if (!broken.isEmpty()) {
            throw new AssertionError("Slack would refuse this ack: " + broken + "\n" + body);
        }
    }

    public HttpResponse<String> command(String command, String text, String user, String responseUrl) {
        return post("application/x-www-form-urlencoded", slashCommand(command, text, user, responseUrl));
    }

    /** An interactivity payload (block_actions, view_submission) as Slack posts it: form field {@code payload}. */
    public HttpResponse<String> interaction(String payloadJson) {
        return post("application/x-www-form-urlencoded", form(Map.of("payload", payloadJson)));
    }

    public HttpResponse<String> event(String eventJson, Map<String, String> headers) {
        return post("application/json", eventJson, System.currentTimeMillis() / 1000, secret, headers);
    }
}
