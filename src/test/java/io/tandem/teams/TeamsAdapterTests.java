package io.tandem.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.campaigns.Campaign;
import io.tandem.campaigns.CampaignStore;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.support.AdaptiveCardRules;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Teams-shaped activities posted to the running server's {@code /api/messages}, in local (emulator) mode, with
 * a fake Bot Connector as the {@code serviceUrl} capturing every reply and proactive message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tandem.demo.enabled=false")
class TeamsAdapterTests {

    static final String ANA = "aad-ana";
    static final String BOB = "aad-bob";
    static final FakeBotConnector teams = FakeBotConnector.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("teams").toString());
    }

    @AfterAll
    static void stopFake() {
        teams.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    ProfileStore profiles;

    @Autowired
    CampaignStore campaigns;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private FakeBotConnector.Activities activities;

    @BeforeEach
    void organisation() {
        // deliveries of the previous test still in flight would land in this one
        await().atMost(Duration.ofSeconds(60)).until(() -> queue.depth(Platform.TEAMS) == 0);
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        teams.reset();
        activities = teams.activities();
        say(ANA, "Ana Lima", "en-US", "mentor set seniority senior");
        say(ANA, "Ana Lima", "en-US", "mentor teach negotiation");
        say(BOB, "Bob Carter", "fr-FR", "mentor set seniority junior");
        say(BOB, "Bob Carter", "fr-FR", "mentor teach seo");
        teams.awaitActivities(4, Duration.ofSeconds(10));
        teams.reset();
    }

    /** Posts an activity; a card in the invoke response is checked as Teams checks it ({@link AdaptiveCardRules}). */
    HttpResponse<String> post(String body) {
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (response.statusCode() == 200 && response.body().contains(AdaptiveCardRules.CARD_TYPE)) {
            assertThat(AdaptiveCardRules.card(
                            AdaptiveCardRules.parse(response.body()).get("value")))
                    .as("what Teams would refuse in this invoke response")
                    .isEmpty();
            assertThat(AdaptiveCardRules.utf16Bytes(response.body()))
                    .isLessThanOrEqualTo(AdaptiveCardRules.MESSAGE_LIMIT_BYTES);
        }
        return response;
    }

    private void say(String aad, String name, String locale, String text) {
        HttpResponse<String> response = post(activities.personalMessage(text, aad, name, locale, "Europe/Paris"));
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
    }

    private JsonNode card(FakeBotConnector.Call call) {
        List<com.fasterxml.jackson.databind.JsonNode> attachments = call.attachments();
        assertThat(attachments).as(call.toString()).hasSize(1);
        assertThat(attachments.get(0).get("contentType").asText()).isEqualTo(AdaptiveCardRenderer.CONTENT_TYPE);
        return json.readTree(attachments.get(0).get("content").toString());
    }

    @Test
    void answersEveryWayOfTypingWithAnAdaptiveCard() {
        for (String text : List.of("find seo", "mentor find seo", "/mentor find seo")) {
            say(ANA, "Ana Lima", "en-US", text);
        }
        List<FakeBotConnector.Call> replies = teams.awaitActivities(3, Duration.ofSeconds(10));
        for (FakeBotConnector.Call reply : replies) {
            assertThat(reply.isReply()).isTrue();
            JsonNode card = card(reply);
            assertThat(card.get("version").asString()).isEqualTo("1.5");
            assertThat(card.get("fallbackText").asString())
                    .startsWith("Mentors for SEO")
                    .contains("Bob Carter")
                    .doesNotContain("(@" + BOB + ")", BOB + ")");
            assertThat(card.toString()).contains("\"tandemAction\":\"mentoring.request\"");
        }
    }

    @Test
    void answersAMentionInAChannelAndInAGroupChat() {
        post(activities.channelMention(
                FakeBotConnector.BOT_MENTION + " find seo", ANA, "Ana Lima", "en-US", "Europe/London"));
        post(activities.groupChatMessage(
                FakeBotConnector.BOT_MENTION + " help", ANA, "Ana Lima", "en-US", "Europe/London"));
        List<FakeBotConnector.Call> replies = teams.awaitActivities(2, Duration.ofSeconds(10));
        assertThat(replies)
                .extracting(FakeBotConnector.Call::conversationId)
                .contains(FakeBotConnector.CHANNEL_CONVERSATION_ID, FakeBotConnector.GROUP_CHAT_ID);
        assertThat(replies.stream()
                        .map(r -> card(r).get("fallbackText").asString())
                        .toList())
                .anySatisfy(t -> assertThat(t).contains("Bob Carter"))
                .anySatisfy(t -> assertThat(t).contains("/mentor find"));
    }

    @Test
    void knowsAMemberByTenantAndAadIdWithTheirLocaleAndTimezone() {
        assertThat(profiles.find(MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, BOB)))
                .hasValueSatisfying(p -> {
                    assertThat(p.name()).isEqualTo("Bob Carter");
                    assertThat(p.zone()).hasToString("Europe/Paris");
                    assertThat(p.teaches()).contains("seo");
                });
        say(BOB, "Bob Carter", "fr-FR", "aide");
        assertThat(card(teams.awaitActivity(Duration.ofSeconds(10)))
                        .get("fallbackText")
                        .asString())
                .contains("Trouver et apprendre");
    }

    @Test
    void turnsCardSubmitsIntoActionsAndDeliversRequestsProactively() {
        say(ANA, "Ana Lima", "en-US", "find seo");
        JsonNode card = card(teams.awaitActivity(Duration.ofSeconds(10)));
        String value = card.findValues("data").stream()
                .filter(d -> d.get("tandemAction").asString().equals("mentoring.request"))
                .findFirst()
                .orElseThrow()
                .get("tandemValue")
                .asString();
        teams.reset();
        post(activities.cardSubmit(
                Map.of("tandemAction", "mentoring.request", "tandemValue", value),
                ANA,
                "Ana Lima",
                "en-US",
                "Europe/London"));
        List<FakeBotConnector.Call> sent = teams.awaitActivities(2, Duration.ofSeconds(15));
        assertThat(sent).anySatisfy(call -> {
            assertThat(call.conversationId()).isEqualTo(FakeBotConnector.personalConversationId(BOB));
            assertThat(card(call).get("fallbackText").asString())
                    .contains("Ana Lima aimerait apprendre Référencement naturel avec vous");
        });
        assertThat(sent)
                .anySatisfy(call ->
                        assertThat(card(call).get("fallbackText").asString()).contains("I've asked Bob Carter"));
    }

    @Test
    void answersUniversalActionsWithACard() {
        HttpResponse<String> response = post(
                activities.invokeAction("mentoring.profile.edit", Map.of(), ANA, "Ana Lima", "en-US", "Europe/London"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo(AdaptiveCardRenderer.CONTENT_TYPE);
        assertThat(body.get("value").toString()).contains("Input.Text", "\"id\":\"teaches\"", "Negotiation");

        HttpResponse<String> invalid = post(activities.invokeAction(
                "mentoring.profile.save",
                Map.of("timezone", "Mars/Base", "capacity", "2"),
                ANA,
                "Ana Lima",
                "en-US",
                "Europe/London"));
        assertThat(json.readTree(invalid.body()).get("value").toString()).contains("errorMessage", "Mars/Base");
    }

    @Test
    void joiningAProgrammeShowsItsSkillsFormInTheCardAndSavesWhatIsSubmitted() {
        String workspace =
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, ANA).workspace();
        campaigns.create(new Campaign(workspace, "seo-club", List.of("seo"), null, Instant.EPOCH));
        HttpResponse<String> joined = post(activities.invokeAction(
                "programme.join",
                Map.of("tandemValue", "programme=seo-club&role=BOTH"),
                ANA,
                "Ana Lima",
                "en-US",
                "Europe/London"));
        String card = json.readTree(joined.body()).get("value").toString();
        assertThat(card)
                .contains("You joined programme seo-club", "Skills for seo-club")
                .contains("\"id\":\"learns\"", "\"id\":\"teaches\"", "Negotiation", "programme.skills.save");

        HttpResponse<String> invalid = post(activities.invokeAction(
                "programme.skills.save",
                Map.of("tandemValue", "programme=seo-club", "learns", "???", "teaches", "negotiation"),
                ANA,
                "Ana Lima",
                "en-US",
                "Europe/London"));
        assertThat(json.readTree(invalid.body()).get("value").toString()).contains("errorMessage", "???");

        HttpResponse<String> saved = post(activities.invokeAction(
                "programme.skills.save",
                Map.of("tandemValue", "programme=seo-club", "learns", "seo", "teaches", "negotiation"),
                ANA,
                "Ana Lima",
                "en-US",
                "Europe/London"));
        assertThat(json.readTree(saved.body()).get("value").toString()).contains("Saved for programme seo-club");
        assertThat(campaigns.members(workspace, "seo-club")).hasSize(1);
    }

    @Test
    void welcomesAMemberWhoInstallsTandemInTheirLanguage() {
        post(activities.membersAdded("aad-chloe", "Chloé Petit", "fr-FR", "Europe/Paris"));
        JsonNode card = card(teams.awaitActivity(Duration.ofSeconds(10)));
        assertThat(card.get("fallbackText").asString()).contains("Bienvenue dans Tandem", "cherche référencement");
        queue.enqueue(new Notification(
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-chloe"),
                "test",
                Reply.text("Bonjour Chloé")));
        FakeBotConnector.Call proactive =
                teams.awaitActivities(2, Duration.ofSeconds(10)).get(1);
        assertThat(proactive.conversationId()).isEqualTo(FakeBotConnector.personalConversationId("aad-chloe"));
    }

    @Test
    void deliversAProactiveMessageOnceAfterA429() {
        teams.failNext(1, FakeBotConnector.Reply.tooManyRequests(1));
        queue.enqueue(new Notification(
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, BOB), "test", Reply.text("Hello Bob")));
        await().atMost(Duration.ofSeconds(15)).until(() -> teams.accepted() == 1);
        assertThat(teams.refused()).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> teams.accepted() == 1);
        assertThat(queue.failures("teams:" + FakeBotConnector.TENANT_ID, 5)).isEmpty();
    }

    @Test
    void pacesMessagesToOneConversationToOneASecondSoTeamsNeverRefusesThem() {
        teams.limit(Duration.ofSeconds(1), 0);
        for (int i = 1; i <= 3; i++) {
            queue.enqueue(new Notification(
                    MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, BOB),
                    "test",
                    Reply.text("Hello Bob " + i)));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> teams.accepted() == 3);
        assertThat(teams.refused()).as("429s from Teams").isZero();
    }

    @Test
    void postsToAChannelTandemWasMentionedIn() {
        post(activities.channelMention(
                FakeBotConnector.BOT_MENTION + " help", ANA, "Ana Lima", "en-US", "Europe/London"));
        teams.awaitActivities(1, Duration.ofSeconds(10));
        teams.reset();
        // the channel itself, not the thread the mention was in
        String channel = FakeBotConnector.CHANNEL_CONVERSATION_ID.split(";")[0];
        queue.enqueue(new Notification(
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "#" + channel),
                "tips.week.channel",
                Reply.text("Tips of the week")));
        FakeBotConnector.Call posted =
                teams.awaitActivities(1, Duration.ofSeconds(10)).get(0);
        assertThat(posted.conversationId()).isEqualTo(channel);
        assertThat(posted.isReply()).isFalse();
        assertThat(card(posted).get("fallbackText").asString()).contains("Tips of the week");
    }

    @Test
    void recordsThatSomeoneWhoNeverTalkedToTandemCannotBeMessaged() {
        queue.enqueue(new Notification(
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-stranger"), "test", Reply.text("Hello")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !queue.failures("teams:" + FakeBotConnector.TENANT_ID, 5)
                        .isEmpty());
        assertThat(queue.failures("teams:" + FakeBotConnector.TENANT_ID, 5)
                        .get(0)
                        .reason())
                .contains("never talked to Tandem");
        assertThat(teams.sentActivities()).isEmpty();
    }

    @Test
    void tellsTheSenderWhenARequestCannotReachSomeoneTandemNeverTalkedTo() {
        profiles.save(new Profile(
                MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-ghost"),
                "Gus Ghost",
                "gus",
                null,
                Language.EN,
                null,
                false,
                null,
                null,
                null,
                2,
                0,
                null,
                false,
                Set.of("seo"),
                Set.of(),
                Instant.now()));
        say(ANA, "Ana Lima", "en-US", "mentor request @gus seo");
        FakeBotConnector.Call confirmation = teams.awaitActivity(Duration.ofSeconds(10));
        assertThat(card(confirmation).get("fallbackText").asString()).contains("I've asked Gus Ghost");
        List<FakeBotConnector.Call> sent = teams.awaitActivities(2, Duration.ofSeconds(15));
        FakeBotConnector.Call notice = sent.get(1);
        assertThat(notice.conversationId()).isEqualTo(FakeBotConnector.personalConversationId(ANA));
        assertThat(card(notice).get("fallbackText").asString())
                .contains("I couldn't deliver your request to Gus Ghost");
        assertThat(queue.failures("teams:" + FakeBotConnector.TENANT_ID, 5))
                .extracting(f -> f.reason())
                .anySatisfy(r -> assertThat(r).contains("never talked to Tandem"));
    }

    @Test
    void refusesWhatIsNotAnActivity() {
        assertThat(post("{not json").statusCode()).isEqualTo(400);
        assertThat(post("").statusCode()).isEqualTo(400);
        assertThat(post("{\"text\":\"no type\"}").statusCode()).isEqualTo(400);
    }
}
