package io.tandem.support;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import io.tandem.support.FakeSlackApi.Call;
import io.tandem.support.FakeSlackApi.Reply;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake against the real Slack SDK: it records what the SDK sends and the SDK parses what it answers. */
class FakeSlackApiTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeSlackApi fake;
    private Slack slack;
    private MethodsClient client;

    @BeforeEach
    void start() {
        fake = FakeSlackApi.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
        client = slack.methods("xoxb-test");
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void answersAuthTestAsTheTestWorkspaceBot() throws Exception {
        var auth = client.authTest(r -> r);

        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getTeamId()).isEqualTo("T0TEST");
        assertThat(auth.getUserId()).isEqualTo("U0BOT");
        assertThat(auth.getBotId()).isEqualTo("B0BOT");
        assertThat(auth.getUrl()).isEqualTo("https://tandem-test.slack.com/");
        assertThat(fake.apiUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/");
    }

    @Test
    void answersUsersInfoWithTimezoneAndLocale() throws Exception {
        fake.addUser("U1", "Ada Lovelace", "America/New_York", "fr-FR");

        UsersInfoResponse info = client.usersInfo(r -> r.user("U1").includeLocale(true));

        User user = info.getUser();
        assertThat(info.isOk()).isTrue();
        assertThat(user.getId()).isEqualTo("U1");
        assertThat(user.getTeamId()).isEqualTo("T0TEST");
        assertThat(user.getName()).isEqualTo("u1");
        assertThat(user.getRealName()).isEqualTo("Ada Lovelace");
        assertThat(user.getProfile().getRealName()).isEqualTo("Ada Lovelace");
        assertThat(user.getProfile().getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(user.getTz()).isEqualTo("America/New_York");
        assertThat(user.getTzOffset()).isIn(-18000, -14400);
        assertThat(user.getLocale()).isEqualTo("fr-FR");
        assertThat(user.isBot()).isFalse();
        assertThat(user.isDeleted()).isFalse();
        Call call = fake.awaitCall("users.info", WAIT);
        assertThat(call.param("user")).isEqualTo("U1");
        assertThat(call.param("include_locale")).isEqualTo("1");
    }

    @Test
    void answersUnknownUsersWithDefaultsAndMissingOnesWithUserNotFound() throws Exception {
        fake.addMissingUser("U404");

        User unknown = client.usersInfo(r -> r.user("U9").includeLocale(true)).getUser();
        UsersInfoResponse missing = client.usersInfo(r -> r.user("U404"));

        assertThat(unknown.getRealName()).isEqualTo("User U9");
        assertThat(unknown.getTz()).isEqualTo("Europe/Paris");
        assertThat(unknown.getLocale()).isEqualTo("en-US");
        assertThat(missing.isOk()).isFalse();
        assertThat(missing.getError()).isEqualTo("user_not_found");
    }

    @Test
    void opensDirectMessageChannelsNamedAfterTheUser() throws Exception {
        var open = client.conversationsOpen(r -> r.users(List.of("U1")));

        assertThat(open.isOk()).isTrue();
        assertThat(open.getChannel().getId()).isEqualTo("DU1");
    }

    @Test
    void capturesPostMessageBlocksChannelAndToken() throws Exception {
        ChatPostMessageResponse first = client.chatPostMessage(r ->
                r.channel("C1").text("Hello").blocks(asBlocks(section(s -> s.text(markdownText("*Hello* mentor"))))));
        ChatPostMessageResponse second =
                client.chatPostMessage(r -> r.channel("C1").text("Again"));

        assertThat(first.isOk()).isTrue();
        assertThat(first.getChannel()).isEqualTo("C1");
        assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(first.getMessage().getText()).isEqualTo("Hello");
        assertThat(first.getMessage().getBlocks()).hasSize(1);
        assertThat(new BigDecimal(second.getTs())).isGreaterThan(new BigDecimal(first.getTs()));

        Call call = fake.calls("chat.postMessage").get(0);
        assertThat(call.param("channel")).isEqualTo("C1");
        assertThat(call.param("text")).isEqualTo("Hello");
        var block = JsonParser.parseString(call.param("blocks"))
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject();
        assertThat(block.get("type").getAsString()).isEqualTo("section");
        assertThat(block.getAsJsonObject("text").get("text").getAsString()).isEqualTo("*Hello* mentor");
        assertThat(call.token()).isEqualTo("xoxb-test");
        assertThat(call.header("authorization")).isEqualTo("Bearer xoxb-test");
        assertThat(call.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(call.rawBody()).contains("channel=C1");
    }

    @Test
    void opensAndPublishesViewsEchoingThemWithIds() throws Exception {
        View modal = view(v -> v.type("modal")
                .callbackId("profile")
                .title(viewTitle(t -> t.type("plain_text").text("Your profile")))
                .blocks(asBlocks(section(s -> s.text(plainText("Skills?"))))));
        View home = view(v -> v.type("home").blocks(asBlocks(section(s -> s.text(plainText("Welcome"))))));

        ViewsOpenResponse opened =
                client.viewsOpen(r -> r.triggerId("trigger-1").view(modal));
        ViewsPublishResponse published = client.viewsPublish(r -> r.userId("U1").view(home));

        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getType()).isEqualTo("modal");
        assertThat(opened.getView().getCallbackId()).isEqualTo("profile");
        assertThat(opened.getView().getTitle().getText()).isEqualTo("Your profile");
        assertThat(published.getView().getType()).isEqualTo("home");
        assertThat(published.getView().getId())
                .startsWith("V")
                .isNotEqualTo(opened.getView().getId());
        Call open = fake.awaitCall("views.open", WAIT);
        assertThat(open.param("trigger_id")).isEqualTo("trigger-1");
        assertThat(JsonParser.parseString(open.param("view"))
                        .getAsJsonObject()
                        .get("callback_id")
                        .getAsString())
                .isEqualTo("profile");
        assertThat(fake.awaitCall("views.publish", WAIT).param("user_id")).isEqualTo("U1");
    }

    @Test
    void throwsSlackApiExceptionWithRetryAfterOnScripted429sThenAnswersNormally() throws Exception {
        fake.failNext("chat.postMessage", Reply.rateLimited(7), 2);

        for (int i = 0; i < 2; i++) {
            SlackApiException refused = catchThrowableOfType(
                    SlackApiException.class,
                    () -> client.chatPostMessage(r -> r.channel("C1").text("hi")));
            assertThat(refused).as("try %d", i + 1).isNotNull();
            assertThat(refused.getResponse().code()).isEqualTo(429);
            assertThat(refused.getResponse().header("Retry-After")).isEqualTo("7");
            assertThat(refused.getError().getError()).isEqualTo("ratelimited");
        }
        assertThat(client.chatPostMessage(r -> r.channel("C1").text("hi")).isOk())
                .isTrue();
        assertThat(fake.refused("chat.postMessage")).isEqualTo(2);
        assertThat(fake.accepted("chat.postMessage")).isEqualTo(1);
    }

    @Test
    void refusesPostsToTheSameChannelFasterThanTheLimit() throws Exception {
        fake.limitPostMessagePerChannel(Duration.ofSeconds(30));

        assertThat(client.chatPostMessage(r -> r.channel("C1").text("one")).isOk())
                .isTrue();
        SlackApiException refused = catchThrowableOfType(
                SlackApiException.class,
                () -> client.chatPostMessage(r -> r.channel("C1").text("two")));
        assertThat(client.chatPostMessage(r -> r.channel("C2").text("elsewhere"))
                        .isOk())
                .isTrue();

        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().code()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getResponse().header("Retry-After")))
                .isBetween(29, 30);
        assertThat(fake.accepted("chat.postMessage")).isEqualTo(2);
        assertThat(fake.refused("chat.postMessage")).isEqualTo(1);
    }

    @Test
    void asksToRetryAfterAtLeastASecondAndAcceptsOnceTheIntervalPassed() throws Exception {
        fake.limitPostMessagePerChannel(Duration.ofMillis(300));

        client.chatPostMessage(r -> r.channel("C1").text("one"));
        SlackApiException refused = catchThrowableOfType(
                SlackApiException.class,
                () -> client.chatPostMessage(r -> r.channel("C1").text("two")));

        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().header("Retry-After")).isEqualTo("1");
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> client.chatPostMessage(r -> r.channel("C1").text("later"))
                        .isOk());
        assertThat(fake.accepted("chat.postMessage")).isEqualTo(2);
    }

    @Test
    void refusesCallsBeyondTheWorkspaceLimitPerSecond() throws Exception {
        client.authTest(r -> r); // warms the client up so that the five calls below fit in a second
        fake.limitWorkspace("users.info", 3);

        List<Integer> retryAfters = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            try {
                client.usersInfo(r -> r.user("U1"));
            } catch (SlackApiException e) {
                retryAfters.add(Integer.parseInt(e.getResponse().header("Retry-After")));
            }
        }

        assertThat(fake.accepted("users.info")).isEqualTo(3);
        assertThat(fake.refused("users.info")).isEqualTo(2);
        assertThat(retryAfters).containsExactly(1, 1);
    }

    @Test
    void overridesAnswersUntilReset() throws Exception {
        fake.on("chat.postMessage", call -> Reply.error("channel_not_found"));

        ChatPostMessageResponse overridden =
                client.chatPostMessage(r -> r.channel("C404").text("hi"));
        fake.reset();
        ChatPostMessageResponse normal =
                client.chatPostMessage(r -> r.channel("C1").text("hi"));

        assertThat(overridden.isOk()).isFalse();
        assertThat(overridden.getError()).isEqualTo("channel_not_found");
        assertThat(normal.isOk()).isTrue();
        assertThat(fake.calls("chat.postMessage"))
                .extracting(c -> c.param("channel"))
                .containsExactly("C1");
    }

    @Test
    void letsAppsConnectionsOpenFailUnlessOverridden() throws Exception {
        var refused = slack.methods().appsConnectionsOpen(r -> r.token("xapp-test"));
        fake.on("apps.connections.open", call -> Reply.ok("{\"ok\":true,\"url\":\"wss://127.0.0.1:1/link\"}"));
        var opened = slack.methods().appsConnectionsOpen(r -> r.token("xapp-test"));

        assertThat(refused.isOk()).isFalse();
        assertThat(refused.getError()).isEqualTo("invalid_auth");
        assertThat(opened.getUrl()).isEqualTo("wss://127.0.0.1:1/link");
        assertThat(fake.calls("apps.connections.open")).extracting(Call::token).containsOnly("xapp-test");
    }

    @Test
    void waitsForCallsMadeLater() throws Exception {
        FutureTask<List<Call>> awaiting = new FutureTask<>(() -> fake.awaitCalls("chat.update", 2, WAIT));
        Thread waiter = new Thread(awaiting, "awaiting-chat.update");
        waiter.start();
        // the waiter is waiting before any call is made
        await().atMost(WAIT).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
        assertThat(awaiting).isNotDone();

        client.chatUpdate(r -> r.channel("C1").ts("1700000000.000100").text("edited"));
        client.chatUpdate(r -> r.channel("C1").ts("1700000000.000100").text("edited again"));
        List<Call> updates = awaiting.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(updates).extracting(c -> c.param("text")).containsExactly("edited", "edited again");
    }

    @Test
    void failsAwaitingWithTheCallsItDidReceive() throws Exception {
        client.chatPostMessage(r -> r.channel("C1").text("hi"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> fake.awaitCall("chat.update", Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 call(s) of chat.update within PT0.3S but received 0")
                .hasMessageContaining("chat.postMessage {")
                .hasMessageContaining("channel=C1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void capturesPostsToResponseUrls() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(fake.responseUrl("cmd-1")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"response_type\":\"ephemeral\",\"text\":\"Hi\","
                                                + "\"replace_original\":false,\"blocks\":[{\"type\":\"divider\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        Call call = fake.awaitCall(FakeSlackApi.RESPONSE_URL, WAIT);
        assertThat(call.param("response_url_id")).isEqualTo("cmd-1");
        assertThat(call.param("response_type")).isEqualTo("ephemeral");
        assertThat(call.param("text")).isEqualTo("Hi");
        assertThat(call.param("replace_original")).isEqualTo("false");
        assertThat(call.param("blocks")).isEqualTo("[{\"type\":\"divider\"}]");
    }

    @Test
    void takesFileUploadsThroughTheFake() throws Exception {
        FilesUploadV2Response upload = client.filesUploadV2(r ->
                r.channel("C1").content("hello mentors").filename("notes.txt").title("Notes"));

        assertThat(upload.isOk()).isTrue();
        assertThat(upload.getFile().getId()).startsWith("F");
        assertThat(upload.getFile().getTitle()).isEqualTo("Notes");
        Call bytes = fake.awaitCall(FakeSlackApi.UPLOAD, WAIT);
        assertThat(bytes.rawBody()).isEqualTo("hello mentors");
        assertThat(bytes.param("file_id")).isEqualTo(upload.getFile().getId());
        assertThat(fake.awaitCall("files.completeUploadExternal", WAIT).param("channel_id"))
                .isEqualTo("C1");
    }

    @Test
    void recordsConcurrentCallsWithDistinctTimestamps() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ChatPostMessageResponse>> posts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String channel = "C" + i;
                posts.add(pool.submit(
                        () -> client.chatPostMessage(r -> r.channel(channel).text("hi"))));
            }
            List<String> timestamps = new ArrayList<>();
            for (Future<ChatPostMessageResponse> post : posts) {
                timestamps.add(post.get().getTs());
            }

            assertThat(timestamps).doesNotHaveDuplicates().hasSize(40);
            assertThat(fake.awaitCalls("chat.postMessage", 40, WAIT)).hasSize(40);
            assertThat(fake.accepted("chat.postMessage")).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givesHistoryAsSlackDoesNewestFirstSinceOldestPageByPageWithMetadataOnlyWhenAsked() throws Exception {
        var first = client.chatPostMessage(r -> r.channel("DH")
                .text("first")
                .metadata(Message.Metadata.builder()
                        .eventType("t")
                        .eventPayload(Map.of("k", "v"))
                        .build()));
        double firstTs = Double.parseDouble(first.getTs());
        assertThat(firstTs).as("a real time").isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60.0));
        for (int i = 0; i < 5; i++) {
            fake.memberSays("DH", "U1", "m" + i);
        }
        var page = client.conversationsHistory(r -> r.channel("DH").limit(2));
        assertThat(page.getMessages()).extracting(Message::getText).containsExactly("m4", "m3");
        assertThat(page.isHasMore()).isTrue();
        String cursor = page.getResponseMetadata().getNextCursor();
        var next = client.conversationsHistory(r -> r.channel("DH").limit(2).cursor(cursor));
        assertThat(next.getMessages()).extracting(Message::getText).containsExactly("m2", "m1");
        var all = client.conversationsHistory(r -> r.channel("DH").limit(999));
        assertThat(all.getMessages())
                .hasSize(6)
                .last()
                .satisfies(m -> assertThat(m.getMetadata()).isNull());
        assertThat(all.isHasMore()).isFalse();
        var withMetadata = client.conversationsHistory(r -> r.channel("DH").includeAllMetadata(true));
        assertThat(withMetadata.getMessages())
                .last()
                .satisfies(m -> assertThat(m.getMetadata().getEventType()).isEqualTo("t"));
        var since = client.conversationsHistory(r -> r.channel("DH").oldest(first.getTs()));
        assertThat(since.getMessages()).as("oldest is exclusive").hasSize(5);
        var including = client.conversationsHistory(
                r -> r.channel("DH").oldest(first.getTs()).inclusive(true));
        assertThat(including.getMessages()).hasSize(6);
    }
}
