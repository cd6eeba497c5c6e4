package io.tandem.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notifier;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.matching.FindingMentors;
import io.tandem.moderation.SendingLimit;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.CheckIns;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The mentoring journey through the fake adapter: request, accept or decline, expiry, pairs, sessions. */
@EngineTest
class MentoringFlowTests {

    @Autowired
    ProgrammeSettings settings;

    @Autowired
    ConversationEngine engine;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    Profiles profiles;

    @Autowired
    PairStore pairStore;

    @Autowired
    RequestStore requestStore;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    ProfileView view;

    @Autowired
    FindingMentors finding;

    @Autowired
    Notifier notifier;

    FakeChat chat;

    @BeforeEach
    void organisation(FakeChat fresh) {
        chat = fresh;
        chat.say("bob", "/mentor set seniority junior");
        chat.say("bob", "/mentor teach seo");
        chat.say("bob", "/mentor learn negotiation");
        chat.say("carla", "/mentor set seniority mid");
        chat.say("carla", "/mentor teach seo");
        chat.say("alice", "/mentor set seniority senior");
        chat.say("alice", "/mentor teach negotiation");
    }

    /** The latest notification of a member, as its JSON text, waiting for the delivery queue. */
    private String lastNotification(String user, int count) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> chat.inbox(user), l -> l.size() >= count)
                .get(count - 1);
    }

    private Reply click(String user, String action, String value) {
        return chat.click(user, Locale.ENGLISH, action, value, Map.of());
    }

    @Test
    void pairsAMenteeAndAMentorBothWays() {
        Reply sent = chat.say("alice", "/mentor request @bob seo Could you look at our site?");
        assertThat(sent.text()).contains("I've asked bob whether they'd mentor you in SEO");
        String toBob = lastNotification("bob", 1);
        assertThat(toBob)
                .contains("alice would like to learn SEO with you", "Could you look at our site?", "Accept", "Decline");

        Reply accepted = click("bob", Requests.ACCEPT, FakeChat.value(toBob, Requests.ACCEPT));
        assertThat(accepted.text())
                .contains(
                        "You and alice are now a pair for SEO",
                        "alice teaches Negotiation, which you want to learn",
                        "Schedule a session");
        assertThat(lastNotification("alice", 1)).contains("bob accepted", "bob wants to learn Negotiation");
        Pair pair = pairStore.pairs(new MemberId("console", "alice")).get(0);
        assertThat(pair.mentor().user()).isEqualTo("bob");
        assertThat(pair.skills()).containsExactly("seo");
        assertThat(pair.reverse()).containsExactly("negotiation");
        assertThat(profiles.find(new MemberId("console", "bob")).orElseThrow().mentees())
                .isEqualTo(1);
        assertThat(chat.say("alice", "/mentor pairs").text())
                .contains("bob mentors you in SEO", "And back the other way: Negotiation", "active");
        assertThat(click("bob", Requests.ACCEPT, FakeChat.value(toBob, Requests.ACCEPT))
                        .text())
                .contains("already answered");
    }

    @Test
    void refusesRequestsThatCannotWork() {
        assertThat(chat.say("alice", "/mentor request @alice seo").text())
                .isEqualTo("You can't request yourself as a mentor.");
        chat.say("carla", "/mentor pause");
        assertThat(chat.say("alice", "/mentor request @carla seo").text()).contains("taking a break");
        chat.say("carla", "/mentor resume");
        chat.say("carla", "/mentor set capacity 0");
        assertThat(chat.say("alice", "/mentor request @carla seo").text()).contains("no place free");
        chat.say("alice", "/mentor request @bob seo");
        assertThat(chat.say("alice", "/mentor request @bob seo").text()).contains("already asked bob");
        assertThat(chat.say("alice", "/mentor request @nobody seo").text()).contains("I don't know @nobody");
        assertThat(chat.say("alice", "/mentor request seo").text()).contains("Whom, and for which skill?");
        assertThat(click("carla", Requests.ACCEPT, ActionValue.of("request", "forged"))
                        .text())
                .contains("out of date");
    }

    @Test
    void offersTheNextBestMentorWhenDeclined() {
        chat.say("alice", "/mentor request @bob seo");
        String toBob = lastNotification("bob", 1);
        Reply form = click("bob", Requests.DECLINE, FakeChat.value(toBob, Requests.DECLINE));
        Block.Form decline = (Block.Form) form.blocks().get(0);
        Reply done = chat.click(
                "bob",
                Locale.ENGLISH,
                decline.actionId(),
                decline.value(),
                Map.of("reason", "Busy with the launch this month"));
        assertThat(done.text()).contains("I've let alice know");
        String toAlice = lastNotification("alice", 1);
        assertThat(toAlice)
                .contains(
                        "bob can't take on SEO right now",
                        "Busy with the launch this month",
                        "carla (@carla)",
                        "mentoring.request");
        assertThat(pairStore.pairs(new MemberId("console", "alice"))).isEmpty();
    }

    @Test
    void expiresUnansweredRequestsOnTheClock() {
        chat.say("alice", "/mentor request @bob seo");
        Requests now = new Requests(
                profiles,
                pairStore,
                requestStore,
                view,
                finding,
                notifier,
                Clock.systemUTC(),
                SendingLimit.NONE,
                settings,
                List.of());
        assertThat(now.expireDue("console")).isZero();
        Clock sixDaysLater = Clock.offset(Clock.systemUTC(), Duration.ofDays(6));
        Requests later = new Requests(
                profiles,
                pairStore,
                requestStore,
                view,
                finding,
                notifier,
                sixDaysLater,
                SendingLimit.NONE,
                settings,
                List.of()); // requests expire after 5 days unless a lead sets otherwise
        assertThat(later.expireDue("console")).isEqualTo(1);
        assertThat(lastNotification("alice", 1)).contains("got no answer", "carla (@carla)");
        assertThat(later.expireDue("console")).isZero();
        assertThat(requestStore.pending(new MemberId("console", "alice"))).isEmpty();
    }

    private Pair pairAliceWithBob() {
        chat.say("alice", "/mentor request @bob seo");
        click("bob", Requests.ACCEPT, FakeChat.value(lastNotification("bob", 1), Requests.ACCEPT));
        return pairStore.pairs(new MemberId("console", "alice")).get(0);
    }

    @Test
    void schedulesReschedulesAndCancelsSessionsTellingTheOtherPerson() {
        pairAliceWithBob();
        Reply planned = chat.say("alice", "/mentor schedule @bob tomorrow 15:00 1h30 SEO audit");
        assertThat(planned.text()).contains("Session with bob planned", "(Europe/Paris, 1 h 30)", "/calendar/", ".ics");
        assertThat(lastNotification("bob", 2)).contains("New session with alice", "SEO audit", ".ics");
        Session session = sessionStore.sessions(new MemberId("console", "bob")).get(0);
        assertThat(session.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(session.zone()).hasToString("Europe/Paris");

        assertThat(chat.say("bob", "/mentor sessions").text()).contains("SEO audit", session.shortId());
        Reply moved = chat.say("bob", "/mentor reschedule " + session.shortId() + " in 2 days 10am");
        assertThat(moved.text()).contains("Moved to");
        Session after = sessionStore.session("console", session.id()).orElseThrow();
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(lastNotification("alice", 2)).contains("bob moved your session");

        Reply cancelled = chat.say("alice", "/mentor cancel " + session.shortId());
        assertThat(cancelled.text()).contains("Cancelled your session");
        assertThat(sessionStore.session("console", session.id()).orElseThrow().status())
                .isEqualTo(Session.Status.CANCELLED);
        assertThat(lastNotification("bob", 3)).contains("alice cancelled your session");
        assertThat(chat.say("alice", "/mentor sessions").text()).contains("No sessions planned");
        assertThat(chat.say("alice", "/mentor cancel " + session.shortId()).text())
                .contains("can't find");
    }

    @Test
    void refusesSessionsThatCannotHappenWithExamples() {
        pairAliceWithBob();
        assertThat(chat.say("alice", "/mentor schedule @carla tomorrow 15:00").text())
                .contains("You are not paired with carla");
        assertThat(chat.say("alice", "/mentor schedule @bob 2020-01-01 10:00").text())
                .contains("already passed");
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow 10:00 9h").text())
                .contains("at most 8 hours");
        assertThat(chat.say("alice", "/mentor schedule @bob whenever suits").text())
                .contains("I can't read the time", "tomorrow 15:00");
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow").text()).contains("At what time");
        assertThat(chat.say("alice", Locale.FRENCH, "/mentor planifier @bob n'importe quand")
                        .text())
                .contains("Je ne comprends pas l'horaire");
        assertThat(sessionStore.sessions(new MemberId("console", "alice"))).isEmpty();
    }

    @Test
    void schedulesFromTheFormWithErrorsUnderTheFields() {
        Pair pair = pairAliceWithBob();
        Reply form = chat.say("alice", "/mentor schedule");
        Block.Form schedule = (Block.Form) form.blocks().get(0);
        assertThat(schedule.inputs())
                .extracting(Block.Input::id)
                .containsExactly("pair", "date", "time", "duration", "topic");
        assertThat(schedule.inputs().get(0).choices())
                .extracting(Block.Choice::value)
                .containsExactly(pair.id());

        Reply refused = chat.click(
                "alice",
                Locale.ENGLISH,
                schedule.actionId(),
                schedule.value(),
                Map.of("pair", pair.id(), "date", "2020-01-01", "time", "10:00", "duration", "45m"));
        assertThat(((Block.Form) refused.blocks().get(0)).errors()).containsKey("date");

        String tomorrow = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC))
                .plusDays(2)
                .toString();
        Reply booked = chat.click(
                "alice",
                Locale.ENGLISH,
                schedule.actionId(),
                schedule.value(),
                Map.of("pair", pair.id(), "date", tomorrow, "time", "11:30", "duration", "1h", "topic", "Kick-off"));
        assertThat(booked.text()).contains("Session with bob planned", "11:30");
        assertThat(sessionStore.sessions(new MemberId("console", "bob")))
                .singleElement()
                .satisfies(s -> assertThat(s.topic()).isEqualTo("Kick-off"));
    }

    @Test
    void pausesResumesAndEndsPairsWithPrivateFeedback() {
        Pair pair = pairAliceWithBob();
        String value = ActionValue.of("pair", pair.id());
        assertThat(click("alice", PairActions.PAUSE, value).text()).contains("paused");
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow 15:00").text())
                .contains("is paused");
        assertThat(click("bob", PairActions.RESUME, value).text()).contains("active again");
        assertThat(chat.say("alice", "/mentor end @bob Thank you, it was great").text())
                .contains("Your pair with bob has ended");
        assertThat(pairStore.pair("console", pair.id()).orElseThrow().status()).isEqualTo(Pair.Status.ENDED);
        assertThat(profiles.find(new MemberId("console", "bob")).orElseThrow().mentees())
                .isZero();
        assertThat(redis.opsForHash().get("tandem:{console}:pair-feedback:" + pair.id(), "alice"))
                .isEqualTo("Thank you, it was great");
        assertThat(String.join("", chat.inbox("bob"))).doesNotContain("it was great");
        assertThat(click("alice", PairActions.END, value).text()).contains("out of date");
        assertThat(chat.say("alice", "/mentor request @bob seo").text()).contains("I've asked bob");
    }

    @Test
    void checksInAfterASessionPrivatelyAndOffersAnotherWhenTheyDidNotMeet() {
        Pair pair = pairAliceWithBob();
        assertThat(chat.say("alice", "/mentor checkin").text()).contains("Nothing to check in");
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        Session held = new Session(
                "s-held-1",
                pair.id(),
                new MemberId("console", "alice"),
                new MemberId("console", "bob"),
                twoHoursAgo,
                Duration.ofMinutes(45),
                "Kick-off",
                ZoneId.of("Europe/Paris"),
                0,
                Session.Status.SCHEDULED,
                "a".repeat(64),
                twoHoursAgo);
        sessionStore.save(held);

        Block.Form form =
                (Block.Form) chat.say("alice", "/mentor checkin").blocks().get(0);
        assertThat(form.title()).isEqualTo("Session with bob");
        // the pair is on SEO, which has a starter module: the check-in can mark its next step done
        assertThat(form.inputs())
                .extracting(Block.Input::id)
                .containsExactly("met", "usefulness", "learned", "note", "step");
        Reply refused = chat.click(
                "alice", Locale.ENGLISH, form.actionId(), form.value(), Map.of("met", "perhaps", "usefulness", "9"));
        assertThat(((Block.Form) refused.blocks().get(0)).errors()).containsOnlyKeys("met", "usefulness");

        Reply thanks = chat.click(
                "alice",
                Locale.ENGLISH,
                form.actionId(),
                form.value(),
                Map.of("met", "no", "usefulness", "2", "note", "Bob seemed swamped"));
        assertThat(thanks.text())
                .contains("Your answers are private", "Shall we plan the next one?", "[Schedule a session]");
        CheckIn saved = sessionStore
                .checkIn("console", held.id(), new MemberId("console", "alice"))
                .orElseThrow();
        assertThat(saved.met()).isEqualTo(CheckIn.Met.NO);
        assertThat(saved.usefulness()).isEqualTo(2);
        assertThat(saved.note()).isEqualTo("Bob seemed swamped");
        assertThat(String.join("", chat.inbox("bob"))).doesNotContain("swamped");
        assertThat(chat.click("alice", Locale.ENGLISH, form.actionId(), form.value(), Map.of("met", "yes"))
                        .text())
                .contains("already checked in");
        assertThat(chat.say("alice", "/mentor checkin").text()).contains("Nothing to check in");

        CheckIns checkIns = new CheckIns(pairStore, sessionStore, profiles, Clock.systemUTC(), List.of());
        assertThat(checkIns.pending(new MemberId("console", "bob")))
                .extracting(Session::id)
                .containsExactly("s-held-1");
        assertThat(checkIns.prompt(held, new MemberId("console", "bob"), Messages.of(Language.FR))
                        .text())
                .contains("Comment s'est passée votre séance avec alice");
    }

    @Test
    void showsPairsAndNextSessionsOnTheHome() {
        pairAliceWithBob();
        chat.say("alice", "/mentor schedule @bob tomorrow 15:00 1h SEO audit");
        Reply home = engine.home(
                ChatEvent.text(Platform.CONSOLE, "", "alice", null, Locale.ENGLISH, null, "home", "", List.of()));
        assertThat(home.text())
                .contains(
                        "Welcome to Tandem", "Your pairs", "bob mentors you in SEO", "Your upcoming sessions", "· bob");
    }

    @Test
    void listsTheFlowCommandsInHelpInBothLanguages() {
        assertThat(chat.say("alice", "/mentor help").text())
                .contains(
                        "/mentor request @person <skill> [message]",
                        "/mentor schedule @person <when> [duration] [topic]",
                        "/mentor pairs",
                        "/mentor cancel <session>");
        assertThat(chat.say("alice", Locale.FRENCH, "/mentor aide").text())
                .contains("/mentor solliciter", "/mentor planifier", "/mentor binomes");
        List<String> none = chat.inbox("alice");
        assertThat(none).isEmpty();
    }
}
