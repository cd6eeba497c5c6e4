package io.tandem.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.tips.TipStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every free text has a limit, whichever way it comes in (a command, a form, a button, an import): over it, the
 * member is told how long it may be, in their language, and nothing is stored or sent.
 */
@EngineTest
class TextLimitsTests {

    private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);

    @Autowired
    PairStore pairStore;

    @Autowired
    RequestStore requestStore;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    ProfileStore profileStore;

    @Autowired
    QuestionStore questions;

    @Autowired
    TipStore tips;

    FakeChat chat;

    @BeforeEach
    void organisation(FakeChat fresh) {
        chat = fresh;
        chat.say("bob", "/mentor teach seo");
        chat.say("alice", "/mentor learn seo");
    }

    private static MemberId id(String user) {
        return new MemberId("console", user);
    }

    private static String over(TextLimit limit) {
        return "y".repeat(limit.max() + 1);
    }

    private Pair pairAliceWithBob() {
        chat.say("alice", "/mentor request @bob seo");
        String toBob = await().atMost(Duration.ofSeconds(10))
                .until(() -> chat.inbox("bob"), l -> !l.isEmpty())
                .get(0);
        chat.click("bob", Locale.ENGLISH, Requests.ACCEPT, FakeChat.value(toBob, Requests.ACCEPT), Map.of());
        return pairStore.pairs(id("alice")).get(0);
    }

    private Reply submitSchedule(Pair pair, String topic, Locale locale) {
        Block.Form form =
                (Block.Form) chat.say("alice", "/mentor schedule").blocks().get(0);
        String day = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC))
                .plusDays(2)
                .toString();
        return chat.click(
                "alice",
                locale,
                form.actionId(),
                form.value(),
                Map.of("pair", pair.id(), "date", day, "time", "11:30", "duration", "1h", "topic", topic));
    }

    @Test
    void refusesATenMegabyteTopicFromTheScheduleFormAndStoresNothing() {
        Pair pair = pairAliceWithBob();
        int bobHad = chat.waitFor("bob", 1).size();

        assertThat(submitSchedule(pair, TEN_MB, Locale.ENGLISH).text())
                .isEqualTo("That message is too long for me (at most 4000 characters). Could you shorten it?");
        assertThat(submitSchedule(pair, TEN_MB, Locale.FRENCH).text()).contains("trop long", "4000");

        Reply tooLong = submitSchedule(pair, over(TextLimit.TOPIC), Locale.ENGLISH);
        assertThat(((Block.Form) tooLong.blocks().get(0)).errors())
                .containsEntry(
                        "topic", "That is too long: 200 characters at most. Nothing was saved; could you shorten it?");
        assertThat(sessionStore.sessions(id("alice"))).isEmpty();
        assertThat(sessionStore.sessions(id("bob"))).isEmpty();

        assertThat(submitSchedule(pair, "t".repeat(TextLimit.TOPIC.max()), Locale.ENGLISH)
                        .text())
                .contains("Session with bob planned");
        assertThat(sessionStore.sessions(id("bob")))
                .singleElement()
                .satisfies(s -> assertThat(s.topic()).hasSize(TextLimit.TOPIC.max()));
        assertThat(chat.waitFor("bob", bobHad + 1)).hasSize(bobHad + 1);
    }

    @Test
    void refusesALongTopicOnTheScheduleCommand() {
        pairAliceWithBob();
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow 15:00 " + over(TextLimit.TOPIC))
                        .text())
                .contains("200 characters at most");
        assertThat(chat.say("alice", Locale.FRENCH, "/mentor planifier @bob demain 15:00 " + over(TextLimit.TOPIC))
                        .text())
                .contains("200 caractères au plus");
        assertThat(sessionStore.sessions(id("alice"))).isEmpty();
    }

    @Test
    void refusesLongRequestMessagesDeclineReasonsAndEndingFeedback() {
        assertThat(chat.say("alice", "/mentor request @bob seo " + over(TextLimit.MESSAGE))
                        .text())
                .contains("1000 characters at most");
        assertThat(requestStore.pending(id("bob"))).isEmpty();
        assertThat(chat.inbox("bob")).isEmpty();

        chat.say("alice", "/mentor request @bob seo Please?");
        MentoringRequest request = requestStore.pending(id("bob")).get(0);
        Reply refused = chat.click(
                "bob",
                Locale.ENGLISH,
                Requests.DECLINE_SAVE,
                ActionValue.of("request", request.id()),
                Map.of("reason", over(TextLimit.REASON)));
        assertThat(refused.text()).contains("500 characters at most");
        assertThat(requestStore.request("console", request.id()).orElseThrow().pending())
                .isTrue();
        assertThat(chat.click("bob", Locale.ENGLISH, Requests.ACCEPT, ActionValue.of("request", request.id()), Map.of())
                        .text())
                .contains("alice");

        assertThat(chat.say("alice", "/mentor end @bob " + over(TextLimit.REASON))
                        .text())
                .contains("500 characters at most");
        assertThat(pairStore.pairs(id("alice")))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(Pair.Status.ACTIVE));
    }

    @Test
    void refusesAHugeButtonValue() {
        assertThat(chat.click("bob", Locale.ENGLISH, Requests.ACCEPT, TEN_MB, Map.of())
                        .text())
                .contains("too long")
                .containsPattern("16[,\u202f\u00a0]?000");
    }

    @Test
    void refusesALongBioTeamOrCheckInNote() {
        assertThat(chat.say("alice", "/mentor bio " + over(TextLimit.BIO)).text())
                .contains("500");
        assertThat(chat.say("alice", "/mentor set team " + over(TextLimit.TEAM)).text())
                .contains("80 characters");
        Profile alice = profileStore.find(id("alice")).orElseThrow();
        assertThat(alice.bio()).isNull();
        assertThat(alice.team()).isNull();

        Pair pair = pairAliceWithBob();
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Session held = new Session(
                "s-limits-1",
                pair.id(),
                id("alice"),
                id("bob"),
                twoHoursAgo,
                Duration.ofMinutes(45),
                "Kick-off",
                ZoneId.of("Europe/Paris"),
                0,
                Session.Status.SCHEDULED,
                "b".repeat(64),
                twoHoursAgo);
        sessionStore.save(held);
        Block.Form form =
                (Block.Form) chat.say("alice", "/mentor checkin").blocks().get(0);
        Reply refused = chat.click(
                "alice",
                Locale.FRENCH,
                form.actionId(),
                form.value(),
                Map.of("met", "yes", "note", over(TextLimit.NOTE), "learned", "A lot"));
        assertThat(((Block.Form) refused.blocks().get(0)).errors())
                .containsOnlyKeys("note")
                .containsValue("C'est trop long : 1000 caractères au plus. Rien n'a été enregistré ; pouvez-vous "
                        + "raccourcir ?");
        assertThat(sessionStore.checkIn("console", held.id(), id("alice"))).isEmpty();
    }

    @Test
    void refusesLongQuestionsAnswersAndTips() {
        assertThat(chat.say("alice", "/mentor ask seo " + over(TextLimit.QUESTION))
                        .text())
                .contains("2000 characters at most");
        assertThat(questions.askedBy(id("alice"))).isEmpty();

        chat.say("alice", "/mentor ask seo How do I pick keywords?");
        String questionId = questions.askedBy(id("alice")).get(0).id();
        assertThat(chat.click(
                                "bob",
                                Locale.ENGLISH,
                                "qa.answer.save",
                                ActionValue.of("question", questionId),
                                Map.of("answer", over(TextLimit.ANSWER)))
                        .text())
                .contains("2000 characters at most");
        assertThat(questions.answers("console", questionId)).isEmpty();

        assertThat(chat.say("bob", "/mentor tip seo " + over(TextLimit.TIP)).text())
                .contains("500 characters at most");
        assertThat(tips.tips("console", "seo")).isEmpty();
    }

    @Test
    void rejectsRosterRowsWithOverLongCells() {
        Reply report = chat.say(
                "lena",
                "/mentor admin import\nhandle,name,team\n"
                        + "longname," + "n".repeat(TextLimit.NAME.max() + 1) + ",Sales\n"
                        + "longteam,Tom," + over(TextLimit.TEAM) + "\n"
                        + "fine,Fiona,Sales");
        assertThat(report.text()).contains("1 invited, 0 updated, 2 rejected");
        assertThat(String.join(
                        "\n",
                        report.blocks().stream()
                                .filter(Block.Items.class::isInstance)
                                .map(b -> String.join("\n", ((Block.Items) b).items()))
                                .toList()))
                .contains("80 characters at most");
        assertThat(profileStore.find(id("longname"))).isEmpty();
        assertThat(profileStore.find(id("longteam"))).isEmpty();
        assertThat(profileStore.find(id("fine"))).isPresent();
    }
}
