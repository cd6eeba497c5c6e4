package io.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.tandem.console.ConsoleInbox;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ActionValue;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.mentoring.MentoringRequest;
import io.tandem.mentoring.MentoringStore;
import io.tandem.mentoring.Pair;
import io.tandem.mentoring.Requests;
import io.tandem.mentoring.Session;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;

/**
 * {@code /stats} on an organisation built through the engine, against figures the test counts itself as it
 * builds it; the "&lt;5" rule; refusals for non-leads; lead management from chat.
 */
@EngineTest
class StatsTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant T0 = LocalDateTime.parse("2026-03-02T10:00").atZone(PARIS).toInstant();

    @Autowired
    ConversationEngine engine;
    @Autowired
    ConsoleInbox inbox;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    DeliveryQueue queue;
    @Autowired
    TravelClock clock;
    @Autowired
    MentoringStore mentoring;
    @Autowired
    QuestionStore questions;
    @Autowired
    Requests requests;
    @Autowired
    Stats stats;

    FakeChat chat;

    @BeforeEach
    void fresh() {
        clock.reset();
        chat = FakeChat.afresh(engine, inbox, redis, queue);
        clock.travelTo(T0);
    }

    @AfterEach
    void now() {
        clock.reset();
    }

    private MemberId id(String user) {
        return new MemberId("console", user);
    }

    private MentoringRequest pendingFor(String mentor) {
        return mentoring.pending(id(mentor)).stream().filter(r -> r.mentor().equals(id(mentor))).findFirst()
                .orElseThrow();
    }

    /** Equal but for the seconds the test itself takes (the moved clock keeps ticking). */
    private static void near(Duration actual, Duration expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.minus(expected).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void computesTheProgrammesFiguresAndHidesSmallOnes() {
        // the organisation: 8 junior and 1 exec mentors of SEO, 12 senior learners, 6 who want data analysis
        // (nobody teaches it), 2 paused
        for (int i = 0; i < 8; i++) {
            chat.say("j" + i, "/mentor set seniority junior");
            chat.say("j" + i, "/mentor teach seo");
        }
        chat.say("e0", "/mentor set seniority exec");
        chat.say("e0", "/mentor teach seo");
        for (int i = 0; i < 12; i++) {
            chat.say("s" + i, "/mentor set seniority senior");
            chat.say("s" + i, "/mentor learn seo");
        }
        for (int i = 0; i < 6; i++) {
            chat.say("d" + i, "/mentor learn data analysis");
        }
        for (String p : List.of("p0", "p1")) {
            chat.say(p, "/mentor teach seo");
            chat.say(p, "/mentor pause");
        }
        chat.say("lena", "/mentor help"); // the lead is a member too
        int members = 8 + 1 + 12 + 6 + 2 + 1;

        // 12 requests: 7 accepted (6 of them to a junior mentor: reverse pairs), 3 declined, 2 left to expire
        String[] mentorOf = {"j0", "j1", "j2", "j3", "j4", "j5", "j6", "j7", "e0", "e0", "j0", "j1"};
        List<Integer> accept = List.of(0, 1, 2, 3, 4, 5, 8);
        List<Integer> decline = List.of(6, 9, 10);
        for (int i = 0; i < 12; i++) {
            assertThat(chat.say("s" + i, "/mentor request @" + mentorOf[i] + " seo").text()).contains("I've asked");
        }
        List<Duration> answerTimes = new ArrayList<>();
        Map<String, Instant> pairedAt = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            if (!accept.contains(i) && !decline.contains(i)) {
                continue;
            }
            Duration after = Duration.ofHours(i + 1);
            clock.travelTo(T0.plus(after));
            MentoringRequest r = mentoring.pending(id("s" + i)).get(0);
            String action = accept.contains(i) ? "mentoring.request.accept" : "mentoring.request.decline.save";
            chat.click(mentorOf[i], Locale.ENGLISH, action, ActionValue.of("request", r.id()), Map.of());
            answerTimes.add(after);
            if (accept.contains(i)) {
                pairedAt.put("s" + i, T0.plus(after));
            }
        }
        // sessions two days later; check-ins three days after that: five met (usefulness 4, 5, 4, 5, 4), one did not
        clock.travelTo(T0.plus(Duration.ofHours(13)));
        List<Duration> toFirst = new ArrayList<>();
        for (int i : accept) {
            Reply booked = chat.say("s" + i, "/mentor schedule @" + mentorOf[i] + " 2026-03-04 " + (9 + i) + ":00");
            assertThat(booked.text()).contains("planned");
            toFirst.add(Duration.between(pairedAt.get("s" + i),
                    LocalDateTime.parse(String.format("2026-03-04T%02d:00", 9 + i)).atZone(PARIS).toInstant()));
        }
        clock.travelTo(T0.plus(Duration.ofDays(5)));
        int[] usefulness = {4, 5, 4, 5, 4};
        for (int k = 0; k < 6; k++) {
            int i = accept.get(k);
            Session s = mentoring.sessions(id("s" + i)).get(0);
            Map<String, String> fields = k < 5 ? Map.of("met", "yes", "usefulness", String.valueOf(usefulness[k]),
                    "note", "PRIVATE-NOTE-" + k) : Map.of("met", "no", "note", "PRIVATE-NOTE-" + k);
            assertThat(chat.click("s" + i, Locale.ENGLISH, "mentoring.checkin.save",
                    ActionValue.of("session", s.id()), fields).text()).doesNotContain("out of date");
        }
        // the two pending requests expire after five days
        clock.travelTo(T0.plus(Duration.ofDays(6)));
        assertThat(requests.expireDue("console")).isEqualTo(2);

        // questions: six asked, four answered (after 2, 4, 6 and 8 hours), one answer marked helpful (j0's)
        clock.travelTo(T0.plus(Duration.ofDays(6)).plus(Duration.ofHours(1)));
        for (int i = 0; i < 6; i++) {
            chat.say("s" + i, "/mentor ask seo Question number " + i + " about keywords?");
        }
        List<Duration> firstAnswers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Question q = questions.askedBy(id("s" + i)).get(0);
            Duration after = Duration.ofHours(2L * (i + 1));
            clock.travelTo(q.createdAt().plus(after));
            String expert = i == 0 ? "j0" : "j" + (i + 3);
            assertThat(chat.say(expert, "/mentor answer " + q.id() + " Look at the search console.").text())
                    .contains("on its way");
            firstAnswers.add(after);
        }
        String helpfulAnswer = questions.answers("console", questions.askedBy(id("s0")).get(0).id()).get(0).id();
        chat.click("s0", Locale.ENGLISH, "qa.helpful", ActionValue.of("answer", helpfulAnswer), Map.of());
        // five tips, one found useful
        for (int i = 0; i < 5; i++) {
            chat.say("j" + i, "/mentor tip seo Tip number " + i + ": read the search suggestions first.");
        }
        clock.travelTo(T0.plus(Duration.ofDays(10)));
        Reply listed = chat.say("s1", "/mentor tips seo");
        String useful = listed.blocks().stream().filter(io.tandem.engine.Block.Section.class::isInstance)
                .map(io.tandem.engine.Block.Section.class::cast).flatMap(s -> s.buttons().stream())
                .filter(b -> b.actionId().equals("tips.useful")).findFirst().orElseThrow().value();
        chat.click("s1", Locale.ENGLISH, "tips.useful", useful, Map.of());

        StatsReport r = stats.compute("console", Period.MONTH, Optional.empty());
        assertThat(r.members()).isEqualTo(members - 2);
        assertThat(r.paused()).isEqualTo(2);
        assertThat(r.pairs()).isEqualTo(accept.size());
        assertThat(r.reversePairs()).isEqualTo(6);
        assertThat(r.requestsSent()).isEqualTo(12);
        assertThat(r.accepted()).isEqualTo(accept.size());
        assertThat(r.declined()).isEqualTo(decline.size());
        assertThat(r.expired()).isEqualTo(2);
        near(r.answerTime(), Duration.ofMinutes(330));
        near(r.answerTime(), Stats.median(answerTimes));
        assertThat(r.sessions()).isEqualTo(accept.size());
        assertThat(r.held()).isEqualTo(5);
        assertThat(r.missed()).isEqualTo(1);
        near(r.toFirstSession(), Stats.median(toFirst));
        assertThat(r.checkIns()).isEqualTo(6);
        assertThat(r.checkInsDue()).isEqualTo(2L * accept.size());
        assertThat(r.usefulness()).isEqualTo((4 + 5 + 4 + 5 + 4) / 5.0);
        assertThat(r.questions()).isEqualTo(6);
        assertThat(r.questionsAnswered()).isEqualTo(4);
        near(r.firstAnswer(), Duration.ofHours(5));
        assertThat(r.stillOpen()).isEqualTo(2);
        assertThat(r.tipsWritten()).isEqualTo(5);
        assertThat(r.tipsUseful()).isEqualTo(1);
        assertThat(r.demand().get(0)).isEqualTo(new StatsReport.Demand("seo", 12, 9));
        assertThat(r.demand()).contains(new StatsReport.Demand("data-analysis", 6, 0));
        assertThat(r.contributors().get(0)).isEqualTo("j0 (@j0)");
        assertThat(r.weeks()).hasSize(Stats.WEEKS_CHARTED);
        assertThat(r.weeks().stream().mapToLong(StatsReport.Week::sessions).sum()).isEqualTo(accept.size());

        // as a lead sees it: small figures hidden, no private note, no names but the contributors'
        Reply shown = chat.say("lena", "/stats");
        assertThat(shown.text()).contains("Programme statistics: last 30 days", "Active members: 28",
                "Paused members: <5", "Pairs formed: 7", "Reverse pairs (mentor more junior): 86 %",
                "Sent: 12", "Expired: <5", "Declined: <5", "Missed: <5", "Held: 5",
                "Meeting rate: 83 %", "Average usefulness: 4.4 / 5", "Questions asked: 6",
                "Still without an answer: <5", "Tips written: 5", "Marked useful: <5",
                "SEO: 12 / 9", "Data analysis: 6 / 0", "j0 (@j0)")
                .doesNotContain("PRIVATE-NOTE", "s0 (@s0)");
        assertThat(chat.say("s0", "/stats").text()).isEqualTo(
                "That is for programme leads. If you think you should be one, ask your programme's HR contact.");
    }

    @Autowired
    io.tandem.nudges.NudgeStore nudges;
    @Autowired
    io.tandem.nudges.NudgeDispatcher dispatcher;

    @Test
    void leadsNameOtherLeadsAndReadStatsByPeriodSkillAndLanguage() {
        chat.say("bob", "/mentor teach seo");
        chat.say("carla", "/mentor learn basket weaving");
        assertThat(chat.say("bob", "/mentor admin leads").text()).startsWith("That is for programme leads");
        assertThat(chat.say("bob", "/stats").text()).startsWith("That is for programme leads");

        assertThat(chat.say("lena", "/mentor admin lead add @bob").text()).isEqualTo("bob is now a programme lead.");
        assertThat(chat.say("lena", "/mentor admin lead add @bob").text()).contains("already is a programme lead");
        assertThat(chat.say("lena", "/mentor admin leads").text()).contains("lena", "bob (@bob)");
        assertThat(chat.say("bob", "/stats week").text()).contains("Programme statistics: last 7 days");
        assertThat(chat.say("bob", "/stats quarter seo").text()).contains("Programme statistics: last 3 months · SEO");
        assertThat(chat.say("bob", Locale.FRENCH, "/stats mois référencement").text())
                .contains("Statistiques du programme : 30 derniers jours · Référencement naturel");
        assertThat(chat.say("bob", "/stats all basket weaving").text()).contains("since the start · basket weaving");
        assertThat(chat.say("bob", "/stats mnth").text()).contains("I don't know \"mnth\" as a period or a skill");
        assertThat(chat.say("bob", "/stats seoo").text()).contains("Programme statistics: last 30 days · SEO");
        assertThat(chat.say("bob", "/stats marketing autmation").text()).contains("Marketing automation");

        assertThat(chat.say("bob", "/mentor admin lead remove @lena").text()).contains("tandem.leads");
        // lena stays a lead (configured), so bob may step down
        assertThat(chat.say("bob", "/mentor admin lead remove @bob").text()).isEqualTo("bob is no longer a programme lead.");
        assertThat(chat.say("lena", "/mentor admin lead remove @bob").text()).contains("was not named from chat");
        assertThat(chat.say("bob", "/stats").text()).startsWith("That is for programme leads");
        assertThat(chat.say("lena", "/mentor admin lead").text()).contains("Say whom");
    }

    @Test
    void listsNudgesThatWereNotDeliveredWithoutNamingAnyone() {
        chat.say("paul", "/mentor pause");
        assertThat(chat.say("lena", "/stats delivery").text()).isEqualTo("Every recent nudge was delivered.");
        MemberId paul = id("paul");
        nudges.put(new io.tandem.nudges.Nudge("notice:1", paul, io.tandem.nudges.Nudge.Kind.NOTICE, clock.instant(),
                null, new io.tandem.engine.Notification(paul, "nudge.notice", Reply.text("hello")), null));
        dispatcher.runDue();
        assertThat(chat.say("lena", "/stats delivery").text()).contains("Nudges not delivered", "notice",
                "skipped: member paused").doesNotContain("paul");
        assertThat(chat.say("lena", Locale.FRENCH, "/stats envois").text()).contains("écartée : member paused");
        assertThat(chat.say("paul", "/stats delivery").text()).startsWith("That is for programme leads");
    }
}
