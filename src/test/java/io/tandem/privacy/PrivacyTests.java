package io.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.console.ConsoleInbox;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.Action;
import io.tandem.engine.ActionValue;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Downloads;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.nudges.Sweeps;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RedisContents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** {@code /mentor export} and {@code /mentor forget-me}: after forgetting, Redis holds no trace of the member. */
@EngineTest
class PrivacyTests {

    private static final String NAME = "Zora Quill-Unique";

    @Autowired
    ConversationEngine engine;

    @Autowired
    ConsoleInbox inbox;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    PairStore pairStore;

    @Autowired
    RequestStore requestStore;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    QuestionStore questions;

    @Autowired
    Downloads downloads;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        chat = fresh;
    }

    /** zora speaks with her display name, as Slack and Teams give it. */
    private Reply zora(String text) {
        return engine.handle(ChatEvent.text(
                Platform.CONSOLE,
                "",
                "zora",
                NAME,
                Locale.ENGLISH,
                ZoneId.of("Europe/Paris"),
                "test",
                text,
                List.of()));
    }

    private Reply zoraClicks(String action, String value, Map<String, String> fields) {
        return engine.handle(ChatEvent.action(
                Platform.CONSOLE,
                "",
                "zora",
                NAME,
                Locale.ENGLISH,
                ZoneId.of("Europe/Paris"),
                "test",
                new Action(action, value, fields)));
    }

    /** Every key of Redis with its values, as text. */
    private Map<String, List<String>> everything() {
        return RedisContents.of(redis);
    }

    @Test
    void exportsAMembersDataAndForgetsThemEverywhere() {
        // zora takes part in everything: teaching, a pair, a session and a check-in, questions, answers, tips
        zora("/mentor set seniority junior");
        zora("/mentor teach seo");
        zora("/mentor learn negotiation");
        zora("/mentor bio Ask Zora about search");
        chat.say("bob", "/mentor teach negotiation");
        chat.say("alice", "/mentor set seniority senior");
        zora("/mentor request @bob negotiation Could you help me, bob?");
        chat.say("alice", "/mentor request @zora seo");
        MentoringRequest toZora = requestStore.pending(new MemberId("console", "zora")).stream()
                .filter(r -> r.mentor().user().equals("zora"))
                .findFirst()
                .orElseThrow();
        zoraClicks("mentoring.request.accept", ActionValue.of("request", toZora.id()), Map.of());
        assertThat(chat.say("alice", "/mentor schedule @zora in 2 days 10:00 Keyword research with Zora")
                        .text())
                .contains("planned");
        Session session = sessionStore.sessions(new MemberId("console", "zora")).get(0);
        sessionStore.save(new CheckIn(
                session.id(),
                new MemberId("console", "zora"),
                CheckIn.Met.YES,
                5,
                "keywords",
                "ZORA-SECRET-NOTE",
                session.start()));
        zora("/mentor ask negotiation How do I say no to my manager?");
        Question asked = questions.askedBy(new MemberId("console", "zora")).get(0);
        chat.say("bob", "/mentor answer " + asked.id() + " Start with what you can do, Zora.");
        chat.say("alice", "/mentor ask seo Where do I start?");
        Question aliceAsked =
                questions.askedBy(new MemberId("console", "alice")).get(0);
        zora("/mentor answer " + aliceAsked.id() + " With the search console, then the suggestions.");
        zora("/mentor tip seo Tip: read the search suggestions before writing a title.");
        zora("/mentor nudges off tips");
        chat.say("lena", "/mentor admin lead add @zora");
        await().atMost(Duration.ofSeconds(10)).until(() -> !chat.inbox("alice").isEmpty());

        // export: everything of hers, her private note included, at a link only she is given
        String ready = zora("/mentor export").text();
        assertThat(ready).contains("Here is everything Tandem keeps about you");
        String token = ready.replaceAll("(?s).*/my-data/([0-9a-f]{64})\\.json.*", "$1");
        String exported =
                new String(downloads.get(Downloads.Kind.MY_DATA, token).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(exported)
                .contains(
                        "\"member\" : \"console:zora\"",
                        NAME,
                        "ZORA-SECRET-NOTE",
                        "How do I say no to my manager?",
                        "Tip: read the search",
                        "With the search console",
                        "tips");

        // (deliveries already on their way when she asks are not chased: let them land first)
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        // before: she is everywhere (so the check after it could fail)
        assertThat(everything().values().stream()
                        .flatMap(List::stream)
                        .filter(t -> t != null && t.toLowerCase(Locale.ROOT).contains("zora"))
                        .count())
                .isGreaterThan(20);

        // forget-me: a confirmation first; nobody else can confirm for her
        Reply confirm = zora("/mentor forget-me");
        assertThat(confirm.text()).contains("It cannot be undone", "Erase my data");
        String value = FakeChat.value(confirm, "privacy.forget");
        assertThat(chat.click("alice", Locale.ENGLISH, "privacy.forget", value, Map.of())
                        .text())
                .contains("out of date");
        assertThat(zoraClicks("privacy.forget", value, Map.of()).text()).contains("Tandem has forgotten you");
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(Platform.CONSOLE) == 0);

        // no trace of her id or name, except where others wrote her name or it was already delivered to them
        List<String> othersText = List.of("Start with what you can do, Zora.", "Keyword research with Zora");
        Map<String, List<String>> all = everything();
        assertThat(all).isNotEmpty();
        all.forEach((key, values) -> {
            assertThat(key.toLowerCase(Locale.ROOT))
                    .as("a key named after zora")
                    .doesNotContain("zora");
            boolean delivered = key.contains(":inbox:");
            for (String text : values) {
                String lower = String.valueOf(text).toLowerCase(Locale.ROOT);
                assertThat(lower).as("her id in " + key).doesNotContain("console:zora", "\"user\":\"zora\"");
                if (!delivered && othersText.stream().noneMatch(String.valueOf(text)::contains)) {
                    assertThat(lower).as("a trace of zora in " + key).doesNotContain("zora", "quill-unique");
                }
            }
        });
        // what she gave others stays, without her name; what others wrote stays as they wrote it
        assertThat(pairStore.pairs(new MemberId("console", "alice"))).hasSize(1);
        assertThat(chat.say("alice", "/mentor pairs").text()).contains("a former member");
        assertThat(chat.say("alice", "/mentor my-questions").text())
                .contains("a former member: With the search console");
        assertThat(chat.say("alice", "/mentor tips seo").text())
                .contains("read the search suggestions", "a former member");
        assertThat(sessionStore.sessions(new MemberId("console", "alice")))
                .singleElement()
                .satisfies(s -> assertThat(s.topic()).isEqualTo("Keyword research with Zora"));
        assertThat(sessionStore
                        .sessions(new MemberId("console", "alice"))
                        .get(0)
                        .people())
                .contains(MemberId.former("console"))
                .doesNotContain(new MemberId("console", "zora"));
        assertThat(questions.answers("console", asked.id()))
                .singleElement()
                .satisfies(a -> assertThat(a.text()).isEqualTo("Start with what you can do, Zora."));
    }

    @Autowired
    Sweeps sweeps;

    @Autowired
    Clock clock;

    @Test
    void deletesCheckInNotesOnceTheirRetentionEnds() {
        chat.say("alice", "/mentor help");
        assertThat(chat.say("lena", "/mentor admin set note-retention 30d").text())
                .contains("note-retention is now 30d");
        assertThat(chat.say("lena", "/mentor admin set note-retention 0d").text())
                .contains("out of range");
        MemberId alice = new MemberId("console", "alice");
        Instant now = clock.instant();
        sessionStore.save(new CheckIn(
                "old-session", alice, CheckIn.Met.YES, 4, "a lot", "OLD-NOTE", now.minus(Duration.ofDays(40))));
        sessionStore.save(new CheckIn(
                "new-session", alice, CheckIn.Met.YES, 5, "more", "NEW-NOTE", now.minus(Duration.ofDays(10))));
        sweeps.run();
        assertThat(sessionStore
                        .checkIn("console", "old-session", alice)
                        .orElseThrow()
                        .note())
                .isNull();
        assertThat(sessionStore
                        .checkIn("console", "old-session", alice)
                        .orElseThrow()
                        .usefulness())
                .isEqualTo(4);
        assertThat(sessionStore
                        .checkIn("console", "new-session", alice)
                        .orElseThrow()
                        .note())
                .isEqualTo("NEW-NOTE");
        assertThat(chat.say("lena", "/mentor admin set note-retention keep").text())
                .contains("is now kept");
    }
}
