package io.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.app_backend.SlackSignature;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Http;
import io.tandem.support.SlackRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Valid Slack requests (slash command, button click, modal submission, events, URL verification) and Teams
 * activities (message, channel mention, card submit, universal action, install), damaged by a
 * {@link PayloadMutator}. The Slack ones are signed after the damage, so they pass the signature check and reach
 * Bolt and Tandem's handlers. Whatever arrives, Tandem never answers 5xx, never sends a stack trace or its apology
 * for an unexpected error to anyone, and still answers a normal command afterwards.
 */
class MutatedPayloadsTests extends RunningTandem {

    static final long SEED = 7_031_984L;
    static final int SLACK_MUTANTS = 1_200;
    static final int TEAMS_MUTANTS = 800;
    static final int HUGE = 10;

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** One request: where it goes and what it is, built on the test thread from the seed. */
    record Sent(String platform, String kind, PayloadMutator.Mutant mutant) {

        String describe() {
            String text = mutant.text();
            return platform + " " + kind + " (" + mutant.mutation() + ", " + mutant.body().length + " bytes, "
                    + mutant.contentType() + "): " + Hammer.quote(text.length() > 600 ? text.substring(0, 600) : text);
        }
    }

    @Test
    void survivesThousandsOfDamagedSlackAndTeamsPayloadsAndStillAnswers() {
        slack.addUser("U0ALICE", "Alice Morgan", "Europe/London", "en-GB");
        slack.addUser("U0BOB", "Bob Carter", "Europe/Paris", "fr-FR");
        SlackRequests slackRequests = new SlackRequests(port, SECRET);
        // members of their own, with a skill the fuzzed lines never touch, as both tests share one Tandem
        slack.addUser("U0MUTBOB", "Bob Mutant", "Europe/Paris", "fr-FR");
        slack.addUser("U0MUTALICE", "Alice Mutant", "Europe/London", "en-GB");
        slackRequests.command("/mentor", "teach storytelling", "U0MUTBOB", slack.responseUrl("setup"));
        // after the fuzz, the teach may still be queued behind other commands (answered later): wait for it
        JsonNode slackFind = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> json.readTree(slackRequests
                                .command("/mentor", "find storytelling", "U0MUTALICE", slack.responseUrl("setup"))
                                .body()),
                        find -> find.toString().contains("slack%3A" + FakeSlackApi.TEAM_ID));
        FakeBotConnector.Activities activities = teams.activities();
        postTeams(activities.personalMessage("mentor teach seo", "aad-bob", "Bob Carter", "fr-FR", "Europe/Paris"));
        teams.reset();
        postTeams(activities.personalMessage("mentor find seo", "aad-ana", "Ana Lima", "en-US", "Europe/London"));
        JsonNode teamsFind =
                json.readTree(teams.awaitActivity(Duration.ofSeconds(15)).body());

        List<Sent> sent = mutants(new Valid(slackFind, teamsFind, activities));
        Leaks leaks = new Leaks(sent.stream().map(s -> s.mutant().text()).toList());
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> problems = Hammer.run(8, sent.size(), i -> {
            Sent s = sent.get(i);
            HttpResponse<String> response =
                    s.platform().equals("slack") ? postSlack(s.mutant()) : post("/api/messages", s.mutant(), Map.of());
            statuses.computeIfAbsent(s.platform() + " " + response.statusCode(), k -> new LongAdder())
                    .increment();
            if (response.statusCode() >= 500) {
                return "status " + response.statusCode() + ": " + response.body();
            }
            return leaks.inBody(response.body())
                    .map(leak -> "the answer " + leak + ": " + response.body())
                    .orElse(null);
        });
        Supplier<String> counts = () -> "statuses: " + new TreeMap<>(statuses);
        assertThat(problems)
                .as(() -> Hammer.report(
                                "mutated-payloads",
                                problems,
                                sent.size(),
                                i -> sent.get(i).describe()) + "\n" + counts.get())
                .isEmpty();
        long slackRefused = statuses.getOrDefault("slack 401", new LongAdder()).sum();
        assertThat(slackRefused)
                .as("signed mutants must pass the signature check and reach the handlers; " + counts.get())
                .isLessThan(SLACK_MUTANTS / 10);

        List<String> apologies = new ArrayList<>();
        slack.calls().stream()
                .map(FakeSlackApi.Call::rawBody)
                .map(leaks::inBody)
                .flatMap(Optional::stream)
                .forEach(apologies::add);
        teams.calls().stream()
                .map(FakeBotConnector.Call::body)
                .filter(b -> b != null)
                .map(leaks::inBody)
                .flatMap(Optional::stream)
                .forEach(apologies::add);
        assertThat(apologies)
                .as("what Tandem sent to Slack and Teams while receiving the mutants")
                .isEmpty();

        stillAnswers(slackRequests, activities);
    }

    private void stillAnswers(SlackRequests slackRequests, FakeBotConnector.Activities activities) {
        Http http = new Http(port);
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
        String heading = Messages.of(Language.EN).get("help.group.find");
        String console = http.postJson("/api/console/messages", "{\"user\":\"mutant.alice\",\"text\":\"/mentor help\"}")
                .body();
        assertThat(json.readTree(console).path("reply").toString()).contains(heading, "/mentor find");
        HttpResponse<String> command =
                slackRequests.command("/mentor", "help", "U0MUTALICE", slack.responseUrl("after"));
        assertThat(command.statusCode()).isEqualTo(200);
        assertThat(command.body()).contains(heading, "/mentor find");
        teams.reset();
        postTeams(activities.personalMessage("mentor help", "aad-ana", "Ana Lima", "en-US", "Europe/London"));
        // notifications the mutants caused (a request to bob…) may still go out: wait for the answer to ana
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(teams.calls())
                        .filteredOn(FakeBotConnector.Call::isActivityPost)
                        .filteredOn(c ->
                                c.conversationId() != null && c.conversationId().contains("aad-ana"))
                        .extracting(FakeBotConnector.Call::body)
                        .anySatisfy(b -> assertThat(b).contains(heading, "mentor find")));
    }

    /** The valid payloads, from a real exchange where one is needed (the value of a button). */
    private record Valid(JsonNode slackFind, JsonNode teamsFind, FakeBotConnector.Activities activities) {}

    private List<Sent> mutants(Valid valid) {
        PayloadMutator mutator = new PayloadMutator(SEED);
        String slackRequest = valid.slackFind().findValues("value").stream()
                .map(JsonNode::asString)
                // any mentor's request button (other members may teach storytelling too, and rank before Bob)
                .filter(v -> v.contains("slack%3A" + FakeSlackApi.TEAM_ID))
                .findFirst()
                .orElseThrow();
        String teamsRequest = valid.teamsFind().findValues("data").stream()
                .filter(d -> d.path("tandemAction").asString("").equals("mentoring.request"))
                .findFirst()
                .orElseThrow()
                .get("tandemValue")
                .asString();
        FakeBotConnector.Activities a = valid.activities();
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < SLACK_MUTANTS; i++) {
            switch (i % 6) {
                case 0 -> sent.add(new Sent("slack", "slash command", mutator.form(slashCommand(i))));
                case 1 ->
                    sent.add(new Sent(
                            "slack",
                            "block_actions",
                            asPayloadField(mutator.json(
                                    blockAction("mentoring.request", slackRequest),
                                    "application/x-www-form-urlencoded"))));
                case 2 ->
                    sent.add(new Sent(
                            "slack",
                            "view_submission",
                            asPayloadField(mutator.json(submission(), "application/x-www-form-urlencoded"))));
                case 3 ->
                    sent.add(new Sent(
                            "slack",
                            "event_callback",
                            mutator.json(
                                    event(
                                            i,
                                            "{\"type\":\"message\",\"channel_type\":\"im\",\"channel"
                                                    + "\":\"D0ALICE\",\"user\":\"U0ALICE\","
                                                    + "\"text\":\"find seo\",\"ts\":\"1.1\",\"event_ts\":\"1.1\"}"),
                                    "application/json")));
                case 4 ->
                    sent.add(new Sent(
                            "slack",
                            "event_callback",
                            mutator.json(
                                    event(
                                            i,
                                            i % 12 == 4
                                                    ? "{\"type\":\"app_mention\",\"channel\":\"C0GEN"
                                                            + "ERAL\",\"user\":\"U0ALICE\","
                                                            + "\"text\":\"<@U0BOT> profile\",\"ts\":"
                                                            + "\"2.2\",\"event_ts\":\"2.2\"}"
                                                    : "{\"type\":\"app_home_opened\",\"user\":\"U0BO"
                                                            + "B\",\"channel\":\"D0BOB\",\"tab\":\"home\","
                                                            + "\"event_ts\":\"1.1\"}"),
                                    "application/json")));
                default ->
                    sent.add(new Sent(
                            "slack",
                            "url_verification",
                            mutator.json(
                                    "{\"token\":\"legacy\",\"challenge\":\"c" + i + "\",\"type\":\"url_verification\"}",
                                    "application/json")));
            }
        }
        for (int i = 0; i < TEAMS_MUTANTS; i++) {
            String aad = "aad-m" + (i % 20);
            String activity = switch (i % 5) {
                case 0 -> a.personalMessage("mentor find seo", aad, "Member " + i, "en-US", "Europe/London");
                case 1 ->
                    a.channelMention(
                            FakeBotConnector.BOT_MENTION + " teach seo", aad, "Member " + i, "fr-FR", "Europe/Paris");
                case 2 ->
                    a.cardSubmit(
                            Map.of("tandemAction", "mentoring.request", "tandemValue", teamsRequest),
                            aad,
                            "Member " + i,
                            "en-US",
                            "Europe/London");
                case 3 ->
                    a.invokeAction(
                            "mentoring.profile.save",
                            Map.of("timezone", "Europe/Paris", "capacity", "2", "teaches", "seo"),
                            aad,
                            "Member " + i,
                            "en-US",
                            "Europe/London");
                default -> a.membersAdded(aad, "Member " + i, "fr-FR", "Europe/Paris");
            };
            sent.add(new Sent("teams", "activity " + (i % 5), mutator.json(activity, "application/json")));
        }
        for (int i = 0; i < HUGE; i++) {
            sent.add(new Sent(
                    "slack",
                    "huge event_callback",
                    mutator.huge(
                            event(
                                    10_000 + i,
                                    "{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D0A"
                                            + "LICE\",\"user\":\"U0ALICE\","
                                            + "\"text\":\"find seo\",\"ts\":\"1.1\",\"event_ts\":\"1.1\"}"),
                            "application/json")));
            sent.add(new Sent(
                    "teams",
                    "huge activity",
                    mutator.huge(
                            a.personalMessage("mentor profile", "aad-huge", "Huge", "en-US", "Europe/London"),
                            "application/json")));
        }
        return sent;
    }

    private static Map<String, String> slashCommand(int i) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("token", "legacy");
        f.put("team_id", FakeSlackApi.TEAM_ID);
        f.put("team_domain", "tandem-test");
        f.put("channel_id", "C0GENERAL");
        f.put("channel_name", "general");
        f.put("user_id", i % 12 == 0 ? "U0ALICE" : "U0BOB");
        f.put("user_name", "someone");
        f.put("command", i % 18 == 0 ? "/stats" : "/mentor");
        f.put(
                "text",
                List.of("find seo", "teach seo", "profile", "request <@U0BOB|bob> seo hi")
                        .get(i % 4));
        f.put("api_app_id", "A0TANDEM");
        f.put("response_url", slack.responseUrl("mutant-" + i));
        f.put("trigger_id", "trigger-" + i);
        return f;
    }

    private static String blockAction(String actionId, String value) {
        return """
                {"type":"block_actions","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"U0ALICE","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","container":{"type":"message","message_ts":"1.2","channel_id":"C0GENERAL"},
                 "trigger_id":"trigger-click","channel":{"id":"C0GENERAL","name":"general"},"response_url":"%s",
                 "actions":[{"action_id":"%s","block_id":"b1","type":"button","action_ts":"1.1",
                   "text":{"type":"plain_text","text":"x"},"value":"%s"}]}
                """.formatted(slack.responseUrl("click"), actionId, value);
    }

    private static String submission() {
        return """
                {"type":"view_submission","team":{"id":"T0TEST","domain":"tandem-test"},
                 "user":{"id":"U0ALICE","username":"u","name":"u","team_id":"T0TEST"},"api_app_id":"A0TANDEM",
                 "token":"legacy","trigger_id":"t2","response_urls":[],
                 "view":{"id":"V1","team_id":"T0TEST","type":"modal","callback_id":"mentoring.profile.save",
                   "private_metadata":"","state":{"values":{
                     "teaches":{"teaches":{"type":"plain_text_input","value":"seo"}},
                     "timezone":{"timezone":{"type":"plain_text_input","value":"Europe/Paris"}},
                     "seniority":{"seniority":{"type":"static_select",
                        "selected_option":{"text":{"type":"plain_text","text":"senior"},"value":"senior"}}},
                     "capacity":{"capacity":{"type":"static_select",
                        "selected_option":{"text":{"type":"plain_text","text":"2"},"value":"2"}}}}}}}
                """;
    }

    private static String event(int id, String eventJson) {
        return ("{\"token\":\"legacy\",\"team_id\":\"T0TEST\",\"api_app_id\":\"A0TANDEM\",\"type\":\"event_callback\","
                        + "\"event_id\":\"EvMutant%d\",\"event_time\":1700000000,\"event\":%s}")
                .formatted(id, eventJson);
    }

    /** An interactivity payload goes in the form field {@code payload}; its bytes are percent-encoded as they are. */
    private static PayloadMutator.Mutant asPayloadField(PayloadMutator.Mutant json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("payload=".getBytes(StandardCharsets.US_ASCII));
        for (byte b : json.body()) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.') {
                out.write(c);
            } else {
                out.writeBytes("%%%02X".formatted(c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return new PayloadMutator.Mutant(out.toByteArray(), json.contentType(), json.mutation());
    }

    /** Signed as Bolt will check it: the body as the server decodes it, its lines joined by "\n". */
    private HttpResponse<String> postSlack(PayloadMutator.Mutant mutant) {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String decoded =
                new String(mutant.body(), StandardCharsets.UTF_8).lines().collect(Collectors.joining("\n"));
        return post(
                "/slack/events",
                mutant,
                Map.of(
                        "X-Slack-Request-Timestamp",
                        ts,
                        "X-Slack-Signature",
                        new SlackSignature.Generator(SECRET).generate(ts, decoded)));
    }

    private void postTeams(String activity) {
        HttpResponse<String> response = post(
                "/api/messages",
                new PayloadMutator.Mutant(activity.getBytes(StandardCharsets.UTF_8), "application/json", "none"),
                Map.of());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
    }

    private HttpResponse<String> post(String path, PayloadMutator.Mutant mutant, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(mutant.body()));
        if (!mutant.contentType().isEmpty()) {
            request.header("Content-Type", mutant.contentType());
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
