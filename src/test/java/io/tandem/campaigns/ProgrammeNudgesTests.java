package io.tandem.campaigns;

import static io.tandem.campaigns.CampaignsTests.duo;
import static io.tandem.campaigns.CampaignsTests.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.nudges.Sweeps;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A programme's pairs that have not met after a week are nudged, once, in their working hours; the leads' weekly
 * digest shows each open programme's funnel, small figures masked. On a clock the test moves; everyone is in Paris
 * (the fake chat's timezone). Names are prefixes of one another ({@code bob}, {@code bobby}, {@code bob.smith}).
 */
@EngineTest
class ProgrammeNudgesTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FIRST_SESSION = "\"kind\":\"nudge.first_session\"";
    private static final String DIGEST = "\"kind\":\"nudge.digest\"";

    @Autowired
    TravelClock clock;

    @Autowired
    Sweeps sweeps;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    PairStore pairs;

    @Autowired
    SessionStore sessions;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aPairThatHasNotMetAWeekLaterIsNudgedOnceInWorkingHoursAndOneThatMetIsNot(FakeChat chat) {
        at("2026-04-11T11:00"); // a Saturday
        duo(chat);
        chat.say("lena", "/mentor admin programme match duo");
        assertThat(chat.say("lena", "/mentor admin programme publish duo").text())
                .contains("2 of 2 pairs formed");
        Pair met = pairs.pairs(new MemberId("console", "bob.smith")).get(0);
        String metMentor = met.mentor().user();
        String quietMentor = metMentor.equals("bob") ? "bobby" : "bob";
        // bob.smith's pair meets on Tuesday; bobbie's never plans anything
        assertThat(chat.say("bob.smith", "/mentor schedule @" + metMentor + " 2026-04-14 10:00")
                        .text())
                .contains("Session with " + metMentor + " planned");
        List<String> everyone = List.of("bob", "bobby", "bob.smith", "bobbie");

        // six days on: nothing yet
        at("2026-04-17T12:00");
        sweeps.run();
        dispatcher.runDue();
        everyone.forEach(user -> assertThat(firstSession(chat, user)).as(user).isEmpty());

        // the seventh day is a Saturday: the nudge waits for Monday morning
        at("2026-04-18T12:00");
        sweeps.run();
        dispatcher.runDue();
        at("2026-04-19T15:00");
        dispatcher.runDue();
        at("2026-04-20T08:59");
        dispatcher.runDue();
        everyone.forEach(user -> assertThat(firstSession(chat, user)).as(user).isEmpty());

        at("2026-04-20T09:00:30");
        dispatcher.runDue();
        assertThat(firstSession(chat, "bobbie"))
                .singleElement()
                .asString()
                .contains(
                        "Programme duo: you were paired with " + quietMentor + " (@" + quietMentor + ") a week ago",
                        "mentoring.schedule.form");
        assertThat(firstSession(chat, quietMentor))
                .singleElement()
                .asString()
                .contains("Programme duo: you were paired with bobbie (@bobbie) a week ago");
        assertThat(firstSession(chat, "bob.smith")).isEmpty();
        assertThat(firstSession(chat, metMentor)).isEmpty();

        // the sweeps of the next days (another instance, a restart) send nothing more
        for (String day : List.of("2026-04-21T10:00", "2026-04-22T10:00", "2026-04-24T10:00")) {
            at(day);
            sweeps.run();
            sweeps.run();
            dispatcher.runDue();
        }
        assertThat(firstSession(chat, "bobbie")).hasSize(1);
        assertThat(firstSession(chat, quietMentor)).hasSize(1);
        assertThat(firstSession(chat, "bob.smith")).isEmpty();
    }

    @Test
    void aPairThatPlansASessionBeforeTheNudgeFallsDueIsNotNudged(FakeChat chat) {
        at("2026-04-11T11:00"); // a Saturday
        formOnePair(chat, "solo");
        at("2026-04-18T12:00");
        sweeps.run(); // the nudge is due on Monday morning
        at("2026-04-19T20:00");
        assertThat(chat.say("bob.smith", "/mentor schedule @bob 2026-04-22 10:00")
                        .text())
                .contains("Session with bob planned");
        at("2026-04-20T09:00:30");
        dispatcher.runDue();
        assertThat(firstSession(chat, "bob")).isEmpty();
        assertThat(firstSession(chat, "bob.smith")).isEmpty();
        // with the session cancelled, the pair is not nudged a second time
        Session planned = sessions.sessions(new MemberId("console", "bob")).get(0);
        assertThat(chat.say("bob", "/mentor cancel " + planned.shortId()).text())
                .doesNotContain("Sorry");
        assertThat(sessions.sessions(new MemberId("console", "bob")))
                .extracting(Session::status)
                .containsExactly(Session.Status.CANCELLED);
        at("2026-04-21T10:00");
        sweeps.run();
        dispatcher.runDue();
        assertThat(firstSession(chat, "bob.smith")).isEmpty();
    }

    @Test
    void theLeadsDigestShowsEachOpenProgrammesFunnelWithSmallFiguresMasked(FakeChat chat) {
        at("2026-04-13T10:00"); // a Monday
        chat.say("lena", "/mentor admin programme new big");
        chat.say("lena", "/mentor admin programme new four");
        chat.say("lena", "/mentor admin programme new old");
        for (String user : List.of("bob", "bobby", "bob.smith", "bobbie", "bo", "bobo")) {
            chat.say(user, "/mentor join big");
            chat.say(user, "/mentor join old");
        }
        for (String user : List.of("ana", "anais", "anna", "annie")) {
            chat.say(user, "/mentor join four");
        }
        assertThat(chat.say("lena", "/mentor admin programme invite big @ana @annie")
                        .text())
                .contains("2 invited now");
        assertThat(chat.say("lena", "/mentor admin programme close old").text()).doesNotContain("Sorry");

        at("2026-04-19T08:00"); // Sunday: the week's digest is prepared
        sweeps.run();
        at("2026-04-20T08:59");
        dispatcher.runDue();
        assertThat(digests(chat, "lena")).isEmpty();
        at("2026-04-20T09:00:30");
        dispatcher.runDue();
        assertThat(digests(chat, "lena"))
                .singleElement()
                .asString()
                .contains("Your weekly Tandem digest", "Programme big", "Programme four")
                .contains("Invited <5 → joined 6 (6 learning, 6 mentoring) → matched 0 pairs → met 0")
                .contains("Invited 0 → joined <5 (<5 learning, <5 mentoring) → matched 0 pairs")
                .doesNotContain("Programme old", "bob.smith", "anais");
        assertThat(digests(chat, "bob")).isEmpty();
    }

    @Test
    void inFrenchForAFrenchMemberAndAFrenchLead(FakeChat chat) {
        at("2026-04-13T10:00"); // a Monday
        chat.say("lena", Locale.FRENCH, "/mentor set langue fr");
        chat.say("bob", Locale.FRENCH, "/mentor set langue fr");
        formOnePair(chat, "binome");

        at("2026-04-19T08:00"); // Sunday: too early for the pair, the digest is prepared
        sweeps.run();
        at("2026-04-20T07:00"); // Monday, seven days after 10:00
        sweeps.run();
        at("2026-04-20T09:59");
        dispatcher.runDue();
        assertThat(firstSession(chat, "bob")).isEmpty();
        assertThat(digests(chat, "lena"))
                .singleElement()
                .asString()
                .contains("Programme binome", "inscrits <5 (<5 pour apprendre, <5 pour accompagner) → <5 binômes")
                .contains("→ 0 rencontrés");

        at("2026-04-20T10:00:30");
        dispatcher.runDue();
        assertThat(firstSession(chat, "bob"))
                .singleElement()
                .asString()
                .contains("Programme binome : vous êtes en binôme avec bob.smith (@bob.smith) depuis une semaine");
        assertThat(firstSession(chat, "bob.smith"))
                .singleElement()
                .asString()
                .contains("Programme binome: you were paired with bob (@bob) a week ago");
    }

    /** bob mentors bob.smith in programme {@code name}, published now. */
    private void formOnePair(FakeChat chat, String name) {
        chat.say("lena", "/mentor admin programme new " + name + " skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        chat.say("bob", "/mentor join " + name + " as mentor");
        chat.say("bob.smith", "/mentor join " + name + " as learner");
        chat.say("lena", "/mentor admin programme match " + name);
        chat.say("lena", "/mentor admin programme publish " + name);
        assertThat(pairs.pairs(new MemberId("console", "bob.smith"))).hasSize(1);
    }

    private void at(String local) {
        clock.travelTo(LocalDateTime.parse(local).atZone(PARIS).toInstant());
    }

    private List<String> firstSession(FakeChat chat, String user) {
        return delivered(chat, user, FIRST_SESSION);
    }

    private List<String> digests(FakeChat chat, String user) {
        return delivered(chat, user, DIGEST);
    }

    private List<String> delivered(FakeChat chat, String user, String kind) {
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        return chat.inbox(user).stream().filter(n -> n.contains(kind)).toList();
    }
}
