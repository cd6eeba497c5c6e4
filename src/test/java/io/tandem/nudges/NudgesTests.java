package io.tandem.nudges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.config.TandemProperties;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.pairing.PairStore;
import io.tandem.sessions.CheckIns;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionNotices;
import io.tandem.sessions.SessionStore;
import io.tandem.store.RedisDeliveryQueue;
import io.tandem.store.RedisNudgeStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nudges on a clock the test moves (no sleeping for time to pass): each kind at the right local time, working
 * hours, daylight-saving changes, cancel and reschedule, opt-outs, two instances, a crash after a claim, and
 * catching up after a restart. alice and bob are in Paris (the fake chat's timezone) unless a test moves them.
 */
@EngineTest
class NudgesTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    TravelClock clock;

    @Autowired
    NudgeDispatcher dispatcher;

    @Autowired
    Sweeps sweeps;

    @Autowired
    NudgeStore store;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    PairStore pairStore;

    @Autowired
    Nudges nudges;

    @Autowired
    NudgePreferences preferences;

    @Autowired
    SessionNotices notices;

    @Autowired
    CheckIns checkIns;

    @Autowired
    TandemProperties properties;

    @Autowired
    JsonMapper json;

    @Autowired
    RedisDeliveryQueue deliveries;

    FakeChat chat;

    @BeforeEach
    void pair(FakeChat fresh) {
        clock.reset();
        chat = fresh;
        travel("2026-03-23T10:00", PARIS); // a Monday
        chat.say("bob", "/mentor set seniority junior");
        chat.say("bob", "/mentor teach seo");
        chat.say("alice", "/mentor set seniority senior");
        chat.say("alice", "/mentor request @bob seo");
        String toBob = chat.waitFor("bob", 1).get(0);
        chat.click(
                "bob",
                Locale.ENGLISH,
                "mentoring.request.accept",
                FakeChat.value(toBob, "mentoring.request.accept"),
                Map.of());
        chat.waitFor("alice", 1);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private void travel(String local, ZoneId zone) {
        clock.travelTo(LocalDateTime.parse(local).atZone(zone).toInstant());
    }

    /** The user's nudges delivered so far (kinds starting with "nudge."), after the queue has drained. */
    private List<String> nudgesOf(String user) {
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        return chat.inbox(user).stream()
                .filter(n -> n.contains("\"kind\":\"nudge."))
                .toList();
    }

    private Session schedule(String when) {
        Reply r = chat.say("alice", "/mentor schedule @bob " + when);
        assertThat(r.text()).as(r.text()).contains("Session with bob planned");
        return sessionStore.sessions(new MemberId("console", "alice")).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    /** Moves to a local time in Paris and sends what is due then. */
    private int at(String local) {
        travel(local, PARIS);
        return dispatcher.runDue();
    }

    @Test
    void remindsBothMembersADayAndAnHourBeforeAndPromptsTheCheckInAfter() {
        schedule("2026-03-25 15:00");
        assertThat(at("2026-03-24T14:59")).isZero();
        assertThat(at("2026-03-24T15:00:30")).isEqualTo(2);
        assertThat(dispatcher.runDue()).as("never twice").isZero();
        assertThat(nudgesOf("alice"))
                .singleElement()
                .asString()
                .contains("Reminder: your session with bob is Wednesday 25 March, 15:00");
        assertThat(nudgesOf("bob")).hasSize(1);
        assertThat(at("2026-03-25T13:59")).isZero();
        assertThat(at("2026-03-25T14:00:30")).isEqualTo(2);
        // the session runs 15:00-15:45; its check-in goes out an hour after it ends
        assertThat(at("2026-03-25T16:44")).isZero();
        assertThat(at("2026-03-25T16:45:30")).isEqualTo(2);
        // (deliveries due together may arrive in any order)
        assertThat(nudgesOf("bob"))
                .hasSize(3)
                .anySatisfy(n -> assertThat(n).contains("How was your session with alice?", "checkin"));
        assertThat(store.report("console", 10))
                .extracting(NudgeStore.Outcome::result)
                .containsOnly("delivered");
    }

    @Test
    void neverSendsAtNightOrOnWeekendsAndRemindsOfAnEarlySessionTheEveningBefore() {
        schedule("2026-03-25 08:00");
        // the 24-hour reminder (Tuesday 08:00) moves to Monday 18:00, the 1-hour one (07:00) to Tuesday 18:00
        assertThat(at("2026-03-23T17:59")).isZero();
        assertThat(at("2026-03-23T18:00:10")).isEqualTo(2);
        assertThat(at("2026-03-24T17:59")).isZero();
        assertThat(at("2026-03-24T18:00:10")).isEqualTo(2);
        assertThat(at("2026-03-25T07:00")).as("nothing at 07:00").isZero();
        // a session on Friday at 17:30 ends 18:15: its check-in waits for Monday morning
        schedule("2026-03-27 17:30");
        at("2026-03-27T17:00");
        assertThat(at("2026-03-27T19:15:30")).isZero();
        assertThat(at("2026-03-28T12:00")).isZero();
        assertThat(at("2026-03-30T08:59")).isZero();
        assertThat(at("2026-03-30T09:00:30")).isEqualTo(2);
        assertThat(nudgesOf("alice")).anySatisfy(n -> assertThat(n).contains("How was your session with bob?"));
    }

    @Test
    void keepsLocalTimesAcrossTheDaylightSavingChangeInParis() {
        // Paris moves from UTC+1 to UTC+2 on Sunday 29 March 2026
        schedule("2026-03-30 10:00");
        clock.travelTo(Instant.parse("2026-03-27T16:59:00Z")); // Friday 17:59 Paris
        assertThat(dispatcher.runDue()).isZero();
        clock.travelTo(Instant.parse("2026-03-27T17:00:30Z")); // Friday 18:00 Paris: the 24-hour reminder (Sunday)
        assertThat(dispatcher.runDue()).isEqualTo(2);
        clock.travelTo(Instant.parse("2026-03-30T06:59:00Z")); // Monday 08:59 Paris, summer time
        assertThat(dispatcher.runDue()).isZero();
        clock.travelTo(Instant.parse("2026-03-30T07:00:30Z")); // Monday 09:00 Paris
        assertThat(dispatcher.runDue()).isEqualTo(2);
    }

    @Test
    void sendsTheTipOfTheWeekAtNineOnMondayInNewYorkAcrossItsDaylightSavingChange() {
        chat.say("nina", "/mentor set timezone America/New_York");
        chat.say("nina", "/mentor learn seo");
        chat.say("otto", "/mentor learn seo");
        chat.say("otto", "/mentor nudges off tips");
        // New York moves from UTC-5 to UTC-4 on Sunday 8 March 2026: Monday 9 March 09:00 is 13:00 UTC
        clock.travelTo(Instant.parse("2026-03-08T12:00:00Z"));
        sweeps.run();
        clock.travelTo(Instant.parse("2026-03-09T12:59:00Z"));
        dispatcher.runDue();
        assertThat(nudgesOf("nina")).isEmpty();
        clock.travelTo(Instant.parse("2026-03-09T13:00:30Z"));
        dispatcher.runDue();
        assertThat(nudgesOf("nina")).singleElement().asString().contains("Tip of the week for SEO");
        assertThat(nudgesOf("otto")).isEmpty();
        assertThat(store.report("console", 20)).anySatisfy(o -> {
            assertThat(o.recipient()).isEqualTo("console:otto");
            assertThat(o.result()).isEqualTo("skipped");
            assertThat(o.reason()).isEqualTo("member turned off tips");
        });
        // the sweep runs again (another instance, a restart): the week's tip is not sent twice
        sweeps.run();
        clock.travelTo(Instant.parse("2026-03-10T13:00:00Z"));
        dispatcher.runDue();
        assertThat(nudgesOf("nina")).hasSize(1);
    }

    @Test
    void cancellingOrReschedulingASessionCancelsOrMovesItsNudges() {
        Session cancelled = schedule("2026-03-25 15:00");
        Session moved = schedule("2026-03-26 11:00");
        chat.say("alice", "/mentor cancel " + cancelled.shortId());
        chat.say("bob", "/mentor reschedule " + moved.shortId() + " 2026-03-27 11:00");
        assertThat(at("2026-03-25T15:00:30")).isZero();
        assertThat(at("2026-03-26T10:00:30")).isZero();
        assertThat(at("2026-03-26T11:00:30")).as("24 hours before the new time").isEqualTo(2);
        assertThat(nudgesOf("alice")).singleElement().asString().contains("Friday 27 March, 11:00");
    }

    @Test
    void pausedMembersAndThoseWhoTurnedRemindersOffGetNothing() {
        schedule("2026-03-25 15:00");
        chat.say("bob", "/mentor pause");
        chat.say("alice", "/mentor nudges off reminders");
        assertThat(chat.say("alice", "/mentor nudges").text())
                .contains("Session reminders: off", "Tips of the week: on");
        assertThat(at("2026-03-24T15:00:30")).isZero();
        assertThat(store.report("console", 10))
                .extracting(NudgeStore.Outcome::reason)
                .containsExactlyInAnyOrder("member paused", "member turned off reminders");
        chat.say("alice", "/mentor nudges on reminders");
        assertThat(at("2026-03-25T14:00:30")).isEqualTo(1);
        assertThat(chat.say("alice", "/mentor nudges sometimes").text()).contains("Say which to turn off or on");
    }

    @Test
    void catchesUpAfterARestartWithOnlyWhatIsStillRelevant() {
        schedule("2026-03-25 15:00");
        // Tandem was down from Monday until Wednesday 17:00, after the session: no reminder, but the check-in
        assertThat(at("2026-03-25T17:00")).isEqualTo(2);
        assertThat(nudgesOf("alice")).singleElement().asString().contains("How was your session with bob?");
        assertThat(store.report("console", 10))
                .filteredOn(o -> o.result().equals("skipped"))
                .extracting(NudgeStore.Outcome::reason)
                .containsOnly("the session had already started")
                .hasSize(4);
        assertThat(dispatcher.runDue()).isZero();
    }

    @Test
    void asksAPairThatStoppedMeetingToPlanTheNextSessionOnce() {
        travel("2026-04-14T10:00", PARIS); // 22 days after pairing, a Tuesday
        sweeps.run();
        sweeps.run();
        dispatcher.runDue();
        assertThat(nudgesOf("alice"))
                .singleElement()
                .asString()
                .contains("It's been 21 days since you and bob last met", "mentoring.schedule.form");
        assertThat(nudgesOf("bob")).hasSize(1);
    }

    @Test
    void twoInstancesOnOneRedisDeliverEachNudgeOnce() throws Exception {
        Instant now = clock.instant();
        int count = 300;
        for (int i = 0; i < count; i++) {
            MemberId channel = new MemberId("console", "#c" + i);
            store.put(new Nudge(
                    "notice:" + i,
                    channel,
                    Nudge.Kind.NOTICE,
                    now.minusSeconds(1),
                    null,
                    new Notification(channel, "nudge.notice", Reply.text("hello " + i)),
                    null));
        }
        NudgeDispatcher second = new NudgeDispatcher(
                new RedisNudgeStore(redis, json, deliveries, clock),
                nudges,
                preferences,
                pairStore,
                sessionStore,
                notices,
                checkIns,
                clock,
                properties);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(dispatcher::runDue));
            runs.add(pool.submit(second::runDue));
        }
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        pool.shutdown();
        assertThat(sent).isEqualTo(count);
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        for (int i = 0; i < count; i++) {
            assertThat(chat.inbox("#c" + i)).as("channel " + i).hasSize(1);
        }
        assertThat(store.depth()).isZero();
    }

    @Test
    void aNudgeClaimedByAnInstanceThatDiedIsDeliveredOnceByAnother() {
        MemberId channel = new MemberId("console", "#crash");
        Instant now = clock.instant();
        store.put(new Nudge(
                "notice:crash",
                channel,
                Nudge.Kind.NOTICE,
                now,
                null,
                new Notification(channel, "nudge.notice", Reply.text("still here")),
                null));
        RedisNudgeStore dead = new RedisNudgeStore(redis, json, deliveries, clock);
        List<Nudge> claimed = dead.claim(now, properties.nudges().lease(), 10);
        assertThat(claimed).hasSize(1);
        assertThat(dispatcher.runDue()).as("leased to the dead instance").isZero();
        clock.travelTo(now.plus(properties.nudges().lease()).plusSeconds(1));
        assertThat(dispatcher.runDue()).isEqualTo(1);
        // the dead instance wakes up: its claim is gone, it sends nothing
        assertThat(dead.handOver(claimed.get(0), claimed.get(0).message())).isFalse();
        assertThat(dispatcher.runDue()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        assertThat(chat.inbox("#crash")).hasSize(1);
    }

    @Test
    void expiresRequestsAndEscalatesQuestionsInWorkingHours() {
        chat.say("carla", "/mentor teach negotiation");
        chat.say("bob", "/mentor request @carla negotiation");
        // six days later, on Sunday evening: expired, but bob hears of it on Monday morning
        travel("2026-03-29T20:00", PARIS);
        sweeps.run();
        assertThat(dispatcher.runDue()).isZero();
        assertThat(at("2026-03-30T09:00:30")).isGreaterThanOrEqualTo(1);
        assertThat(nudgesOf("bob")).anySatisfy(n -> assertThat(n).contains("got no answer"));
    }

    @Test
    void sendsTheLeadsDigestOnMondayMorningInTheirTimezone() {
        chat.say("lena", "/mentor set timezone America/New_York");
        schedule("2026-03-25 15:00");
        // the week of Monday 30 March: prepared on Sunday, delivered at 09:00 in New York (13:00 UTC)
        clock.travelTo(Instant.parse("2026-03-29T06:00:00Z"));
        sweeps.run();
        clock.travelTo(Instant.parse("2026-03-30T12:59:00Z"));
        dispatcher.runDue();
        assertThat(nudgesOf("lena")).isEmpty();
        clock.travelTo(Instant.parse("2026-03-30T13:00:30Z"));
        dispatcher.runDue();
        assertThat(nudgesOf("lena"))
                .singleElement()
                .asString()
                .contains(
                        "Your weekly Tandem digest",
                        "Members: 3",
                        "Active pairs: 1",
                        "Sessions last week: 1",
                        "Sessions planned this week: 0")
                .doesNotContain("alice", "bob");
        assertThat(nudgesOf("alice")).noneSatisfy(n -> assertThat(n).contains("digest"));
    }

    @Test
    void anEndedPairGetsNoMoreReminders() {
        schedule("2026-03-25 15:00");
        chat.say("alice", "/mentor end @bob");
        assertThat(at("2026-03-24T15:00:30")).isZero();
    }
}
