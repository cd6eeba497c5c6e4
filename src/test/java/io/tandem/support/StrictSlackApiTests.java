package io.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strict fake refuses what Slack refuses. Every rule is checked at its edge: the payload at the limit is
 * accepted, the same payload one step over is refused with Slack's error, so a rule too loose or too tight fails.
 */
class StrictSlackApiTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FakeSlackApi fake;

    @BeforeEach
    void start() {
        fake = FakeSlackApi.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    /** A rule of a message's blocks: the blocks for a size n, the largest n allowed, and what the refusal names. */
    record Rule(String name, IntFunction<String> blocks, int limit, String names) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Rule> messageRules() {
        return Stream.of(
                new Rule("section text", n -> "[" + section(n) + "]", 3000, "blocks[0].text.text"),
                new Rule(
                        "section fields",
                        n -> "[{\"type\":\"section\",\"fields\":[" + repeat(n, i -> mrkdwn(1)) + "]}]",
                        10,
                        "blocks[0].fields"),
                new Rule(
                        "header text",
                        n -> "[{\"type\":\"header\",\"text\":" + plain(n) + "}]",
                        150,
                        "blocks[0].text.text"),
                new Rule("button text", n -> actions(button("a", plain(n), "v")), 75, "elements[0].text.text"),
                new Rule("button value", n -> actions(button("a", plain(2), "x".repeat(n))), 2000, "elements[0].value"),
                new Rule(
                        "action_id length",
                        n -> actions(button("a".repeat(n), plain(2), "v")),
                        255,
                        "elements[0].action_id"),
                new Rule(
                        "block_id length",
                        n -> "[{\"type\":\"divider\",\"block_id\":\"" + "b".repeat(n) + "\"}]",
                        255,
                        "blocks[0].block_id"),
                new Rule(
                        "blocks in a message",
                        n -> "[" + repeat(n, i -> "{\"type\":\"divider\"}") + "]",
                        50,
                        "50 in a message"),
                new Rule(
                        "elements in actions",
                        n -> actions(repeat(n, i -> button("a" + i, plain(2), "v"))),
                        25,
                        "blocks[0].elements"),
                new Rule(
                        "elements in context",
                        n -> "[{\"type\":\"context\",\"elements\":[" + repeat(n, i -> mrkdwn(2)) + "]}]",
                        10,
                        "blocks[0].elements"),
                new Rule("option text", n -> actions(select(1, plain(n), "v", 2)), 75, "options[0].text.text"),
                new Rule("option value", n -> actions(select(1, plain(2), "v".repeat(n), 2)), 150, "options[0].value"),
                new Rule("options in a select", n -> actions(select(n, plain(2), "v", 2)), 100, "elements[0].options"),
                new Rule(
                        "placeholder", n -> actions(select(1, plain(2), "v", n)), 150, "elements[0].placeholder.text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messageRules")
    void refusesAMessageOneStepOverEachLimit(Rule rule) throws Exception {
        assertThat(post("chat.postMessage", rule.blocks().apply(rule.limit())))
                .as("at the limit")
                .contains("\"ok\":true");
        assertThat(fake.refusals()).isEmpty();

        assertThat(post("chat.postMessage", rule.blocks().apply(rule.limit() + 1)))
                .contains("\"ok\":false", "\"error\":\"invalid_blocks\"");
        assertThat(fake.refusals()).singleElement().asString().contains("chat.postMessage", rule.names());
    }

    static Stream<Arguments> brokenMessages() {
        return Stream.of(
                Arguments.of("an unknown block type", "[{\"type\":\"carousel\"}]", "unknown block type"),
                Arguments.of("a section with neither text nor fields", "[{\"type\":\"section\"}]", "text or fields"),
                Arguments.of(
                        "a header in mrkdwn", "[{\"type\":\"header\",\"text\":" + mrkdwn(5) + "}]", "only plain_text"),
                Arguments.of("a button label in mrkdwn", actions(button("a", mrkdwn(3), "v")), "only plain_text"),
                Arguments.of(
                        "a button without a label",
                        actions("{\"type\":\"button\",\"action_id\":\"a\"}"),
                        "text: required"),
                Arguments.of("an empty button value", actions(button("a", plain(2), "")), "value: empty"),
                Arguments.of(
                        "two buttons with one action_id in a block",
                        actions(button("mentoring.find", plain(3), "seo") + ","
                                + button("mentoring.find", plain(3), "crm")),
                        "not unique within its block: mentoring.find"),
                Arguments.of(
                        "one block_id twice in a message",
                        "[{\"type\":\"divider\",\"block_id\":\"x\"},{\"type\":\"divider\",\"block_id\":\"x\"}]",
                        "not unique: x"),
                Arguments.of(
                        "an input block in a message",
                        "[{\"type\":\"input\",\"label\":" + plain(3)
                                + ",\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"t\"}}]",
                        "only in modals"),
                Arguments.of("an empty text", "[" + section(0) + "]", "at least 1 character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenMessages")
    void refusesMessagesThatBreakBlockKitsStructure(String what, String blocks, String names) throws Exception {
        for (String method : List.of("chat.postMessage", "chat.postEphemeral", "chat.update")) {
            assertThat(post(method, blocks)).as(method).contains("\"error\":\"invalid_blocks\"");
        }
        assertThat(fake.refusals()).hasSize(3).allSatisfy(r -> assertThat(r).contains(names));
    }

    @Test
    void acceptsTheSameActionIdInTwoBlocksAndTellsButtonsApartBySuffix() throws Exception {
        String two = "[{\"type\":\"actions\",\"elements\":[" + button("mentoring.find", plain(3), "seo") + "]},"
                + "{\"type\":\"actions\",\"elements\":[" + button("mentoring.find", plain(3), "crm") + ","
                + button("mentoring.find#2", plain(3), "ai") + "]}]";
        assertThat(post("chat.postMessage", two)).contains("\"ok\":true");
        assertThat(fake.refusals()).isEmpty();
    }

    @Test
    void refusesAMessageTextOver40000CharactersAsTooLong() throws Exception {
        assertThat(form("chat.postMessage", "channel=C1&text=" + "x".repeat(40_000)))
                .contains("\"ok\":true");
        assertThat(form("chat.postMessage", "channel=C1&text=" + "x".repeat(40_001)))
                .contains("\"error\":\"msg_too_long\"");
        assertThat(fake.refusals()).singleElement().asString().contains("40,000");
    }

    @Test
    void answersAResponseUrlWithBrokenBlocksWithHttp400() throws Exception {
        HttpResponse<String> ok = json(fake.responseUrl("r1"), "{\"text\":\"hi\",\"blocks\":[" + section(3) + "]}");
        HttpResponse<String> refused =
                json(fake.responseUrl("r2"), "{\"text\":\"hi\",\"blocks\":[" + section(3001) + "]}");

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("invalid_blocks");
        assertThat(fake.refusals()).singleElement().asString().startsWith(FakeSlackApi.RESPONSE_URL);
    }

    static Stream<Arguments> brokenViews() {
        String input = "{\"type\":\"input\",\"label\":" + plain(4)
                + ",\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"t\"}}";
        return Stream.of(
                Arguments.of("a modal title over 24", modal(plain(25), "", "[" + section(3) + "]"), "view.title"),
                Arguments.of("a modal title in mrkdwn", modal(mrkdwn(5), "", "[" + section(3) + "]"), "view.title"),
                Arguments.of("a modal without a title", "{\"type\":\"modal\",\"blocks\":[]}", "view.title: required"),
                Arguments.of(
                        "a submit label over 24",
                        modal(plain(5), ",\"submit\":" + plain(25), "[" + input + "]"),
                        "view.submit"),
                Arguments.of("a close label over 24", modal(plain(5), ",\"close\":" + plain(25), "[]"), "view.close"),
                Arguments.of(
                        "a modal with inputs and no submit", modal(plain(5), "", "[" + input + "]"), "needs a submit"),
                Arguments.of(
                        "private_metadata over 3000",
                        modal(plain(5), ",\"private_metadata\":\"" + "m".repeat(3001) + "\"", "[]"),
                        "view.private_metadata"),
                Arguments.of(
                        "101 blocks in a modal",
                        modal(plain(5), "", "[" + repeat(101, i -> "{\"type\":\"divider\"}") + "]"),
                        "100 in a modal"),
                Arguments.of(
                        "101 blocks in the Home tab",
                        "{\"type\":\"home\",\"blocks\":[" + repeat(101, i -> "{\"type\":\"divider\"}") + "]}",
                        "100 in a home"),
                Arguments.of(
                        "a button as an input's element",
                        modal(
                                plain(5),
                                ",\"submit\":" + plain(2),
                                "[{\"type\":\"input\",\"label\":" + plain(3) + ",\"element\":"
                                        + button("b", plain(2), "v") + "}]"),
                        "cannot be an input"),
                Arguments.of(
                        "a view of an unknown type", "{\"type\":\"workflow_step\",\"blocks\":[]}", "modal or home"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenViews")
    void refusesViewsThatBreakBlockKitsRules(String what, String view, String names) throws Exception {
        for (String method : List.of("views.open", "views.push", "views.update", "views.publish")) {
            assertThat(form(method, "trigger_id=1.2&user_id=U1&view_id=V1&view=" + encode(view)))
                    .as(method)
                    .contains("\"ok\":false", "\"error\":\"invalid_arguments\"");
        }
        assertThat(fake.refusals()).hasSize(4).allSatisfy(r -> assertThat(r).contains(names));
    }

    @Test
    void acceptsAModalAndAHomeAtTheirLimits() throws Exception {
        String hundred = "[" + repeat(100, i -> "{\"type\":\"divider\"}") + "]";
        assertThat(form(
                        "views.open",
                        "trigger_id=1.2&view="
                                + encode(modal(
                                        plain(24),
                                        ",\"submit\":" + plain(24) + ",\"close\":" + plain(24)
                                                + ",\"private_metadata\":\"" + "m".repeat(3000) + "\"",
                                        hundred))))
                .contains("\"ok\":true");
        assertThat(form("views.publish", "user_id=U1&view=" + encode("{\"type\":\"home\",\"blocks\":" + hundred + "}")))
                .contains("\"ok\":true");
        assertThat(fake.refusals()).isEmpty();
    }

    @Test
    void failsTheTestThatLeavesARefusalUnread() throws Exception {
        post("chat.postMessage", "[{\"type\":\"carousel\"}]");

        assertThatThrownBy(fake::reset)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Slack would have refused 1 payload")
                .hasMessageContaining("carousel");
        post("chat.postMessage", "[{\"type\":\"carousel\"}]");
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class);
        fake = FakeSlackApi.start();
    }

    @Test
    void checksSlashCommandAcksWithTheSameRules() {
        assertThat(BlockKitRules.message(
                        JsonParser.parseString(actions(button("a", plain(2), "v") + "," + button("a", plain(2), "w")))))
                .singleElement()
                .asString()
                .contains("not unique within its block");
        assertThat(BlockKitRules.view(JsonParser.parseString(modal(plain(5), "", "[]"))))
                .isEmpty();
    }

    // ---------------------------------------------------------------- payloads

    private static String text(String type, int n) {
        return "{\"type\":\"" + type + "\",\"text\":\"" + "t".repeat(n) + "\"}";
    }

    private static String plain(int n) {
        return text("plain_text", n);
    }

    private static String mrkdwn(int n) {
        return text("mrkdwn", n);
    }

    private static String section(int n) {
        return "{\"type\":\"section\",\"text\":" + mrkdwn(n) + "}";
    }

    private static String button(String actionId, String label, String value) {
        return "{\"type\":\"button\",\"action_id\":\"" + actionId + "\",\"text\":" + label + ",\"value\":\"" + value
                + "\"}";
    }

    private static String actions(String elements) {
        return "[{\"type\":\"actions\",\"elements\":[" + elements + "]}]";
    }

    private static String select(int options, String optionText, String value, int placeholder) {
        return "{\"type\":\"static_select\",\"action_id\":\"s\",\"placeholder\":" + plain(placeholder)
                + ",\"options\":["
                + repeat(
                        options,
                        i -> "{\"text\":" + optionText + ",\"value\":\"" + (options == 1 ? value : value + i) + "\"}")
                + "]}";
    }

    private static String modal(String title, String more, String blocks) {
        return "{\"type\":\"modal\",\"title\":" + title + more + ",\"blocks\":" + blocks + "}";
    }

    private static String repeat(int n, IntFunction<String> item) {
        return IntStream.range(0, n).mapToObj(item).collect(Collectors.joining(","));
    }

    // ---------------------------------------------------------------- calls

    private String post(String method, String blocks) throws Exception {
        return form(method, "channel=C1&ts=1.1&user=U1&text=hi&blocks=" + encode(blocks));
    }

    private String form(String method, String body) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(fake.apiUrl() + method))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Authorization", "Bearer xoxb-test")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static HttpResponse<String> json(String url, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
