package io.tandem.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict fake Connector refuses what Teams refuses: cards outside the 1.5 schema, data Teams mangles, size. */
class StrictBotConnectorTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONVERSATION = "a:personal-1";

    private FakeBotConnector fake;

    @BeforeEach
    void start() {
        fake = FakeBotConnector.start();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static String card(String body, String actions, String version) {
        return "{\"type\":\"AdaptiveCard\",\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\","
                + "\"version\":\"" + version + "\",\"body\":[" + body + "],\"actions\":[" + actions + "]}";
    }

    private static String activity(String card) {
        return "{\"type\":\"message\",\"text\":\"\",\"attachments\":[{\"contentType\":\"" + AdaptiveCardRules.CARD_TYPE
                + "\",\"content\":" + card + "}]}";
    }

    private static final String TEXT = "{\"type\":\"TextBlock\",\"text\":\"Mentors for SEO\",\"wrap\":true}";
    private static final String SUBMIT = "{\"type\":\"Action.Submit\",\"title\":\"Request\","
            + "\"data\":{\"tandemAction\":\"mentoring.request\",\"tandemValue\":\"mentor=x\"}}";

    @Test
    void acceptsACardTeamsRenders() throws Exception {
        assertThat(send(activity(card(TEXT, SUBMIT, "1.5"))).statusCode()).isEqualTo(201);
        assertThat(fake.refusals()).isEmpty();
        assertThat(fake.accepted()).isEqualTo(1);
    }

    static Stream<Arguments> brokenCards() {
        return Stream.of(
                Arguments.of(
                        "an element the schema does not know",
                        card("{\"type\":\"Carousel\",\"pages\":[]}", "", "1.5"),
                        "schema"),
                Arguments.of("a TextBlock without text", card("{\"type\":\"TextBlock\"}", "", "1.5"), "schema"),
                Arguments.of("an input without an id", card("{\"type\":\"Input.Text\"}", "", "1.5"), "schema"),
                Arguments.of("a card version Teams does not render", card(TEXT, SUBMIT, "1.6"), "up to 1.5"),
                Arguments.of(
                        "Action.Submit data that is not an object",
                        card(
                                TEXT,
                                "{\"type\":\"Action.Submit\",\"title\":\"Go\",\"data\":\"mentoring.request\"}",
                                "1.5"),
                        "data: an object"),
                Arguments.of("a card attachment with no card", "null", "an Adaptive Card object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCards")
    void refusesACardTeamsWouldNotRender(String what, String card, String names) throws Exception {
        HttpResponse<String> sent = send(activity(card));
        HttpResponse<String> updated = update(activity(card));

        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains("BadArgument");
        assertThat(updated.statusCode()).isEqualTo(400);
        assertThat(fake.refusals()).hasSize(2).allSatisfy(r -> assertThat(r).contains(names));
        assertThat(fake.accepted()).isZero();
    }

    @Test
    void refusesAMessageOverTheSizeLimitWith413MessageSizeTooBig() throws Exception {
        String shell = "{\"type\":\"message\",\"text\":\"\"}";
        int chars = AdaptiveCardRules.MESSAGE_LIMIT_BYTES / 2 - shell.length();
        String atLimit = "{\"type\":\"message\",\"text\":\"" + "x".repeat(chars) + "\"}";
        String over = "{\"type\":\"message\",\"text\":\"" + "x".repeat(chars + 1) + "\"}";
        assertThat(AdaptiveCardRules.utf16Bytes(atLimit)).isEqualTo(AdaptiveCardRules.MESSAGE_LIMIT_BYTES);

        assertThat(send(atLimit).statusCode()).isEqualTo(201);
        HttpResponse<String> refused = send(over);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("MessageSizeTooBig");
        assertThat(fake.refusals()).singleElement().asString().contains("at most 102400");
    }

    @Test
    void countsAsubmitsDataTowardsTheSizeOfTheMessage() throws Exception {
        String big = "{\"type\":\"Action.Submit\",\"title\":\"Go\",\"data\":{\"tandemAction\":\"x\",\"tandemValue\":\""
                + "v".repeat(AdaptiveCardRules.MESSAGE_LIMIT_BYTES / 2) + "\"}}";
        assertThat(send(activity(card(TEXT, big, "1.5"))).statusCode()).isEqualTo(413);
        assertThat(fake.refusals()).hasSize(1);
    }

    @Test
    void failsTheTestThatLeavesARefusalUnread() throws Exception {
        send(activity(card(TEXT, SUBMIT, "1.6")));

        assertThatThrownBy(fake::reset)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Teams would have refused 1")
                .hasMessageContaining("1.6");
        send(activity(card(TEXT, SUBMIT, "1.6")));
        assertThatThrownBy(fake::close).isInstanceOf(AssertionError.class);
        fake = FakeBotConnector.start();
    }

    private HttpResponse<String> send(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(fake.serviceUrl() + "v3/conversations/" + CONVERSATION + "/activities"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> update(String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create(fake.serviceUrl() + "v3/conversations/" + CONVERSATION + "/activities/1"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
