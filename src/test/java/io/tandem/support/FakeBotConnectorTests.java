package io.tandem.support;

import static io.tandem.support.FakeBotConnector.BOT_ID;
import static io.tandem.support.FakeBotConnector.CHANNEL_CONVERSATION_ID;
import static io.tandem.support.FakeBotConnector.TENANT_ID;
import static io.tandem.support.FakeBotConnector.personalConversationId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.Conversations;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.integration.Configuration;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.Entity;
import com.microsoft.bot.schema.ResourceResponse;
import io.tandem.support.FakeBotConnector.Call;
import io.tandem.support.FakeBotConnector.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake against the real Bot Framework SDK 4.14.3 (no credentials, as in local mode): the adapter's replies and
 * proactive messages reach it, and the SDK parses what it answers, failures included.
 */
class FakeBotConnectorTests {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CARD = """
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Meet Ada"}],
             "actions":[{"type":"Action.Execute","title":"Accept","verb":"accept","data":{"pairing":"p-1"}}]}""";

    /** No MicrosoftAppId / MicrosoftAppPassword: the SDK skips auth and sends no token (Emulator mode). */
    private static final Configuration NO_CREDENTIALS = new Configuration() {
        @Override
        public String getProperty(String key) {
            return null;
        }

        @Override
        public Properties getProperties() {
            return new Properties();
        }

        @Override
        public String[] getProperties(String key) {
            return new String[0];
        }
    };

    private FakeBotConnector fake;
    private BotFrameworkHttpAdapter adapter;
    private final JacksonAdapter sdkJson = new JacksonAdapter();
    private final List<RestConnectorClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        fake = FakeBotConnector.start();
        adapter = new BotFrameworkHttpAdapter(NO_CREDENTIALS);
    }

    @AfterEach
    void stop() {
        clients.forEach(RestConnectorClient::close);
        fake.close();
    }

    private Activity incoming(String json) throws Exception {
        return sdkJson.deserialize(json, Activity.class);
    }

    private Activity personalMessage(String text) throws Exception {
        return incoming(fake.activities().personalMessage(text, "aad-1", "Ada Lovelace", "en-GB", "Europe/London"));
    }

    private CompletableFuture<InvokeResponse> process(Activity activity, Bot bot) {
        return adapter.processIncomingActivity(null, activity, bot);
    }

    private Conversations conversations(MicrosoftAppCredentials credentials) {
        RestConnectorClient client = new RestConnectorClient(fake.serviceUrl(), credentials);
        clients.add(client);
        return client.getConversations();
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getName() + " in the causes of " + thrown, thrown);
    }

    // ---------------------------------------------------------------- replies and proactive messages

    @Test
    void receivesTheAdaptersReplyToAPersonalMessageOnTheReplyPath() throws Exception {
        Activity message = personalMessage("help");
        AtomicReference<ResourceResponse> sent = new AtomicReference<>();

        InvokeResponse response = process(
                        message, turn -> turn.sendActivity("hi").thenAccept(sent::set))
                .join();

        Call reply = fake.awaitActivity(WAIT);
        assertThat(response).isNull();
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.conversationId()).isEqualTo("a:1personal-aad-1");
        assertThat(reply.activityId()).isEqualTo(message.getId());
        assertThat(reply.path()).isEqualTo("/v3/conversations/a:1personal-aad-1/activities/" + message.getId());
        assertThat(reply.text()).isEqualTo("hi");
        assertThat(reply.type()).isEqualTo("message");
        assertThat(reply.json().path("replyToId").asText()).isEqualTo(message.getId());
        assertThat(reply.json().path("from").path("id").asText()).isEqualTo(BOT_ID);
        assertThat(reply.json().path("recipient").path("aadObjectId").asText()).isEqualTo("aad-1");
        assertThat(reply.authorization()).isNull();
        assertThat(reply.header("content-type")).startsWith("application/json");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(sent.get().getId()).isNotBlank();
        assertThat(fake.accepted()).isEqualTo(1);
        assertThat(fake.refused()).isZero();
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void recordsAnAdaptiveCardAttachment() throws Exception {
        Attachment card = new Attachment();
        card.setContentType("application/vnd.microsoft.card.adaptive");
        card.setContent(new ObjectMapper().readTree(CARD));

        process(
                        personalMessage("pairs"),
                        turn -> turn.sendActivity(MessageFactory.attachment(card))
                                .thenApply(r -> null))
                .join();

        Call reply = fake.awaitActivity(WAIT);
        assertThat(reply.attachments()).hasSize(1);
        JsonNode sentCard = reply.attachments().get(0);
        assertThat(sentCard.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(sentCard.path("content").path("version").asText()).isEqualTo("1.5");
        assertThat(sentCard.path("content").path("body").path(0).path("text").asText())
                .isEqualTo("Meet Ada");
        assertThat(sentCard.path("content").path("actions").path(0).path("verb").asText())
                .isEqualTo("accept");
        assertThat(reply.text()).isNull();
    }

    @Test
    void receivesAProactiveMessageSentToAStoredChannelReference() throws Exception {
        Activity mention = incoming(fake.activities()
                .channelMention("<at>Tandem</at> join", "aad-2", "Grace Hopper", "en-US", "America/New_York"));
        ConversationReference reference = mention.getConversationReference();

        // app id null (no credentials): the SDK then neither fetches nor sends a token
        adapter.continueConversation(
                        (String) null,
                        reference,
                        turn -> turn.sendActivity("Your mentee is waiting").thenApply(r -> null))
                .join();

        Call sent = fake.awaitActivity(WAIT);
        assertThat(sent.conversationId()).isEqualTo(CHANNEL_CONVERSATION_ID);
        assertThat(sent.text()).isEqualTo("Your mentee is waiting");
        assertThat(sent.json().path("conversation").path("id").asText()).isEqualTo(CHANNEL_CONVERSATION_ID);
        // the SDK's continuation activity gets a random UUID as id, and the send replies to it (as in .NET)
        assertThat(sent.isReply()).isTrue();
        assertThat(sent.activityId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(sent.json().path("replyToId").asText()).isEqualTo(sent.activityId());
        assertThat(sent.authorization()).isNull();
    }

    @Test
    void createsAPersonalConversationForAProactiveOneToOne() throws Exception {
        ConversationParameters parameters = new ConversationParameters();
        parameters.setBot(new ChannelAccount(BOT_ID, "Tandem"));
        parameters.setMembers(List.of(new ChannelAccount("29:aad-3")));
        parameters.setTenantId(TENANT_ID);
        parameters.setIsGroup(false);
        AtomicReference<String> conversationInTurn = new AtomicReference<>();

        adapter.createConversation(
                        FakeBotConnector.CHANNEL_ID,
                        fake.serviceUrl(),
                        MicrosoftAppCredentials.empty(),
                        parameters,
                        turn -> {
                            conversationInTurn.set(
                                    turn.getActivity().getConversation().getId());
                            return turn.sendActivity("Welcome to Tandem").thenApply(r -> null);
                        })
                .join();

        Call sent = fake.awaitActivity(WAIT);
        Call create = fake.calls().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.path()).isEqualTo("/v3/conversations");
        assertThat(create.conversationId()).isNull();
        assertThat(create.json().path("members").path(0).path("id").asText()).isEqualTo("29:aad-3");
        assertThat(create.json().path("tenantId").asText()).isEqualTo(TENANT_ID);
        assertThat(conversationInTurn.get()).isEqualTo(personalConversationId("aad-3"));
        assertThat(sent.conversationId()).isEqualTo("a:1personal-aad-3");
        // the SDK replies to the activityId of the create answer
        assertThat(sent.isReply()).isTrue();
        assertThat(sent.activityId()).matches("\\d{13}");
        assertThat(sent.path()).isEqualTo("/v3/conversations/a:1personal-aad-3/activities/" + sent.activityId());
        assertThat(sent.text()).isEqualTo("Welcome to Tandem");
        assertThat(fake.calls()).hasSize(2);
    }

    @Test
    void answersUpdatesDeletesAndMembersAsTheSdkExpects() throws Exception {
        fake.addMember("aad-4", "Alan Turing").addMissingMember("aad-gone");
        Conversations conversations = conversations(MicrosoftAppCredentials.empty());
        Activity update = MessageFactory.text("edited");

        ResourceResponse updated = conversations
                .updateActivity(CHANNEL_CONVERSATION_ID, "1700000000042", update)
                .join();
        conversations.deleteActivity(CHANNEL_CONVERSATION_ID, "1700000000042").join();
        List<ChannelAccount> personal = conversations
                .getConversationMembers(personalConversationId("aad-1"))
                .join();
        List<ChannelAccount> channel =
                conversations.getConversationMembers(CHANNEL_CONVERSATION_ID).join();
        ChannelAccount member = conversations
                .getConversationMember("29:aad-4", CHANNEL_CONVERSATION_ID)
                .join();
        Throwable gone = catchThrowable(() -> conversations
                .getConversationMember("29:aad-gone", CHANNEL_CONVERSATION_ID)
                .join());

        assertThat(updated.getId()).isEqualTo("1700000000042");
        Call put = fake.calls().get(0);
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.conversationId()).isEqualTo(CHANNEL_CONVERSATION_ID);
        assertThat(put.activityId()).isEqualTo("1700000000042");
        assertThat(put.text()).isEqualTo("edited");
        assertThat(fake.calls().get(1).method()).isEqualTo("DELETE");
        assertThat(fake.sentActivities()).isEmpty();
        assertThat(personal).singleElement().satisfies(a -> {
            assertThat(a.getId()).isEqualTo("29:aad-1");
            assertThat(a.getAadObjectId()).isEqualTo("aad-1");
            assertThat(a.getName()).isEqualTo("User aad-1");
        });
        assertThat(channel).extracting(ChannelAccount::getName).containsExactly("Alan Turing");
        assertThat(member.getAadObjectId()).isEqualTo("aad-4");
        assertThat(member.getName()).isEqualTo("Alan Turing");
        assertThat(member.getProperties().get("tenantId").asText()).isEqualTo(TENANT_ID);
        ErrorResponseException notAMember = causeOfType(gone, ErrorResponseException.class);
        assertThat(notAMember.response().code()).isEqualTo(404);
        assertThat(notAMember.body().getError().getCode()).isEqualTo("MemberNotFoundInConversation");
        assertThat(fake.calls().get(5).path())
                .isEqualTo("/v3/conversations/" + CHANNEL_CONVERSATION_ID + "/members/29:aad-gone");
    }

    @Test
    void recordsTheBearerTokenOfTheBotsCredentials() {
        MicrosoftAppCredentials withToken = new MicrosoftAppCredentials("bot-app-id", "secret") {
            @Override
            public CompletableFuture<String> getToken() {
                return CompletableFuture.completedFuture("test-token");
            }
        };

        conversations(withToken)
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("hello"))
                .join();

        assertThat(fake.awaitActivity(WAIT).authorization()).isEqualTo("Bearer test-token");
    }

    @Test
    void answersAnInvokeThroughTheAdapterNotTheConnector() throws Exception {
        Activity invoke = incoming(fake.activities()
                .invokeAction("accept", Map.of("pairing", "p-1"), "aad-1", "Ada Lovelace", "en-GB", "Europe/London"));
        Activity invokeResponse = new Activity(ActivityTypes.INVOKE_RESPONSE);
        invokeResponse.setValue(new InvokeResponse(200, Map.of("statusCode", 200)));

        InvokeResponse response = process(
                        invoke, turn -> turn.sendActivity(invokeResponse).thenApply(r -> null))
                .join();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(fake.calls()).isEmpty();
    }

    // ---------------------------------------------------------------- failures

    @Test
    void makesTheSdkRaiseErrorResponseExceptionWithStatusAndRetryAfterOn429() throws Exception {
        fake.failNext(1, Reply.tooManyRequests(7));

        CompletableFuture<InvokeResponse> turn =
                process(personalMessage("help"), t -> t.sendActivity("hi").thenApply(r -> null));

        Throwable thrown = catchThrowable(turn::join);
        // through the adapter the exception comes wrapped twice: CompletionException(CompletionException(it))
        assertThat(thrown).isInstanceOf(CompletionException.class).hasCauseInstanceOf(CompletionException.class);
        ErrorResponseException error = causeOfType(thrown, ErrorResponseException.class);
        assertThat(error.response().code()).isEqualTo(429);
        assertThat(error.response().headers().get("Retry-After")).isEqualTo("7");
        assertThat(error.body().getError().getCode()).isEqualTo("TooManyRequests");
        assertThat(error.getMessage()).startsWith("Status code 429");
        // the SDK does not retry a 429 itself
        assertThat(fake.calls()).hasSize(1);
        assertThat(fake.refused()).isEqualTo(1);
        assertThat(fake.accepted()).isZero();

        process(personalMessage("help"), t -> t.sendActivity("hi again").thenApply(r -> null))
                .join();

        assertThat(fake.awaitActivities(2, WAIT)).extracting(Call::status).containsExactly(429, 201);
        assertThat(fake.accepted()).isEqualTo(1);
    }

    @Test
    void makesTheSdkRaiseTeamsErrorCodesFor403And404() {
        Conversations conversations = conversations(MicrosoftAppCredentials.empty());
        fake.failNext(1, Reply.forbidden());
        fake.failNext(1, Reply.notFound());

        Throwable forbidden = catchThrowable(() -> conversations
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("one"))
                .join());
        Throwable notFound = catchThrowable(() -> conversations
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("two"))
                .join());

        ErrorResponseException error403 = causeOfType(forbidden, ErrorResponseException.class);
        ErrorResponseException error404 = causeOfType(notFound, ErrorResponseException.class);
        assertThat(error403.response().code()).isEqualTo(403);
        assertThat(error403.body().getError().getCode()).isEqualTo("BotNotInConversationRoster");
        assertThat(error404.response().code()).isEqualTo(404);
        assertThat(error404.body().getError().getCode()).isEqualTo("ConversationNotFound");
        assertThat(fake.refused()).isEqualTo(2);
    }

    @Test
    void letsTheSdkRetryServerErrorsItselfUpToThreeTimes() {
        Conversations conversations = conversations(MicrosoftAppCredentials.empty());
        fake.failNext(2, Reply.status(503));

        ResourceResponse sent = conversations
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("once"))
                .join();

        assertThat(sent.getId()).isNotBlank();
        assertThat(fake.sentActivities()).extracting(Call::status).containsExactly(503, 503, 201);
        assertThat(fake.refused()).isEqualTo(2);
        assertThat(fake.accepted()).isEqualTo(1);

        fake.reset();
        fake.failNext(5, Reply.status(503));
        Throwable thrown = catchThrowable(() -> conversations
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("never"))
                .join());

        assertThat(causeOfType(thrown, ErrorResponseException.class).response().code())
                .isEqualTo(503);
        assertThat(fake.sentActivities()).hasSize(4);
    }

    // ---------------------------------------------------------------- the fake itself

    @Test
    void decodesConversationIdsAndAnswers404ForUnknownEndpoints() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String encoded = "19%3Achannel%40thread.tacv2%3Bmessageid%3D123/activities/1%2B2";

        HttpResponse<String> reply = http.send(
                HttpRequest.newBuilder(URI.create(fake.serviceUrl() + "v3/conversations/" + encoded))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"x\"}"))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create(fake.serviceUrl() + "v3/teams/19%3Ateam/conversations"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fake.serviceUrl()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(reply.statusCode()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(reply.body()).path("id").asText())
                .isNotBlank();
        Call call = fake.calls().get(0);
        assertThat(call.conversationId()).isEqualTo("19:channel@thread.tacv2;messageid=123");
        assertThat(call.activityId()).isEqualTo("1+2");
        assertThat(call.path()).isEqualTo("/v3/conversations/19:channel@thread.tacv2;messageid=123/activities/1+2");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper()
                        .readTree(unknown.body())
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("NotFound");
        assertThat(fake.calls().get(1).path()).isEqualTo("/v3/teams/19:team/conversations");
        assertThat(fake.sentActivities()).containsExactly(call);
        assertThat(fake.accepted()).isEqualTo(1);
    }

    @Test
    void givesEachActivityAUniqueIdUnderConcurrentSends() {
        Conversations conversations = conversations(MicrosoftAppCredentials.empty());

        List<CompletableFuture<ResourceResponse>> sends = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sends.add(
                    conversations.sendToConversation(personalConversationId("aad-" + i), MessageFactory.text("n" + i)));
        }
        List<String> ids = sends.stream()
                .map(CompletableFuture::join)
                .map(ResourceResponse::getId)
                .toList();

        assertThat(ids).doesNotHaveDuplicates().hasSize(20);
        assertThat(fake.awaitActivities(20, WAIT)).hasSize(20);
        assertThat(fake.sentActivities("a:1personal-aad-7"))
                .singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("n7"));
        assertThat(fake.accepted()).isEqualTo(20);
    }

    @Test
    void failsAwaitingListingWhatWasReceived() {
        conversations(MicrosoftAppCredentials.empty())
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("only one"))
                .join();

        assertThatThrownBy(() -> fake.awaitActivities(2, Duration.ofMillis(200)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 activity POST(s)")
                .hasMessageContaining("received 1")
                .hasMessageContaining("text=\"only one\"");
    }

    @Test
    void forgetsCallsCountsAndFailuresOnReset() {
        Conversations conversations = conversations(MicrosoftAppCredentials.empty());
        fake.failNext(1, Reply.forbidden());
        assertThat(catchThrowable(() -> conversations
                        .sendToConversation("a:1personal-aad-1", MessageFactory.text("x"))
                        .join()))
                .hasRootCauseInstanceOf(ErrorResponseException.class);
        fake.failNext(3, Reply.forbidden());

        fake.reset();
        conversations
                .sendToConversation("a:1personal-aad-1", MessageFactory.text("y"))
                .join();

        assertThat(fake.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("y"));
        assertThat(fake.refused()).isZero();
        assertThat(fake.accepted()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- incoming activities

    @Test
    void buildsAPersonalMessageTheSdkReadsLikeTeams() throws Exception {
        Activity message = personalMessage("help");

        assertThat(message.getType()).isEqualTo("message");
        assertThat(message.getChannelId()).isEqualTo("msteams");
        assertThat(message.getServiceUrl()).isEqualTo(fake.serviceUrl());
        assertThat(message.getText()).isEqualTo("help");
        assertThat(message.getLocale()).isEqualTo("en-GB");
        assertThat(message.getLocalTimezone()).isEqualTo("Europe/London");
        assertThat(message.getTimestamp()).isNotNull();
        assertThat(message.getFrom().getId()).isEqualTo("29:aad-1");
        assertThat(message.getFrom().getAadObjectId()).isEqualTo("aad-1");
        assertThat(message.getFrom().getName()).isEqualTo("Ada Lovelace");
        assertThat(message.getRecipient().getId()).isEqualTo(BOT_ID);
        assertThat(message.getConversation().getId()).isEqualTo("a:1personal-aad-1");
        assertThat(message.getConversation().getConversationType()).isEqualTo("personal");
        assertThat(message.getConversation().getTenantId()).isEqualTo(TENANT_ID);
        assertThat(message.teamsGetChannelData().getTenant().getId()).isEqualTo(TENANT_ID);
        Entity clientInfo = message.getEntities().get(0);
        assertThat(clientInfo.getType()).isEqualTo("clientInfo");
        assertThat(clientInfo.getProperties().get("timezone").asText()).isEqualTo("Europe/London");
        assertThat(clientInfo.getProperties().get("locale").asText()).isEqualTo("en-GB");
        assertThat(personalMessage("again").getId()).isNotEqualTo(message.getId());
    }

    @Test
    void buildsChannelAndGroupChatMessagesWithTheBotMentioned() throws Exception {
        Activity mention = incoming(fake.activities()
                .channelMention("<at>Tandem</at> join", "aad-2", "Grace Hopper", "en-US", "America/New_York"));
        Activity group = incoming(fake.activities()
                .groupChatMessage("<at>Tandem</at> status", "aad-2", "Grace Hopper", "en-US", "America/New_York"));
        Activity unmentioned = incoming(
                fake.activities().groupChatMessage("lunch?", "aad-2", "Grace Hopper", "en-US", "America/New_York"));

        assertThat(mention.getConversation().getConversationType()).isEqualTo("channel");
        assertThat(mention.getConversation().getId()).isEqualTo("19:channel@thread.tacv2;messageid=123");
        assertThat(mention.getConversation().isGroup()).isTrue();
        assertThat(mention.teamsGetChannelData().getTeam().getId()).isEqualTo(FakeBotConnector.TEAM_ID);
        assertThat(mention.teamsGetChannelData().getChannel().getId()).isEqualTo("19:channel@thread.tacv2");
        assertThat(mention.getMentions()).singleElement().satisfies(m -> {
            assertThat(m.getMentioned().getId()).isEqualTo(BOT_ID);
            assertThat(m.getText()).isEqualTo("<at>Tandem</at>");
        });
        assertThat(Activity.removeRecipientMentionImmutable(mention).trim()).isEqualTo("join");
        assertThat(group.getConversation().getConversationType()).isEqualTo("groupChat");
        assertThat(group.getConversation().getId()).isEqualTo("19:group@thread.v2");
        assertThat(group.getMentions()).hasSize(1);
        assertThat(unmentioned.getMentions()).isEmpty();
    }

    @Test
    void buildsCardSubmitsInvokesAndInstalls() throws Exception {
        Activity submit = incoming(fake.activities()
                .cardSubmit(
                        "1700000000001",
                        Map.of("action", "accept"),
                        "aad-1",
                        "Ada Lovelace",
                        "en-GB",
                        "Europe/London"));
        Activity invoke = incoming(fake.activities()
                .invokeAction("accept", Map.of("pairing", "p-1"), "aad-1", "Ada Lovelace", "en-GB", "Europe/London"));
        Activity installed = incoming(fake.activities().membersAdded("aad-5", "Katherine Johnson"));

        assertThat(submit.getType()).isEqualTo("message");
        assertThat(submit.getText()).isNull();
        assertThat(submit.getReplyToId()).isEqualTo("1700000000001");
        assertThat(new ObjectMapper()
                        .valueToTree(submit.getValue())
                        .path("action")
                        .asText())
                .isEqualTo("accept");
        assertThat(invoke.getType()).isEqualTo("invoke");
        assertThat(invoke.getName()).isEqualTo("adaptiveCard/action");
        JsonNode action = new ObjectMapper().valueToTree(invoke.getValue()).path("action");
        assertThat(action.path("type").asText()).isEqualTo("Action.Execute");
        assertThat(action.path("verb").asText()).isEqualTo("accept");
        assertThat(action.path("data").path("pairing").asText()).isEqualTo("p-1");
        assertThat(installed.getType()).isEqualTo("conversationUpdate");
        assertThat(installed.getConversation().getId()).isEqualTo("a:1personal-aad-5");
        assertThat(installed.getMembersAdded())
                .extracting(ChannelAccount::getId)
                .containsExactly("29:aad-5", BOT_ID);
        assertThat(installed.getMembersAdded().get(0).getAadObjectId()).isEqualTo("aad-5");
        assertThat(installed.getLocalTimezone()).isNull();
    }
}
