package io.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.pairing.Requests;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two sessions of one pair at one time: the exact duplicate is refused (also when both requests race, on the
 * shared store), an overlap is booked with a warning that never describes a third person's session.
 */
@EngineTest
class SessionClashTests {

    @Autowired
    SessionStore sessionStore;

    FakeChat chat;

    static final MemberId ALICE = new MemberId("console", "alice");

    @BeforeEach
    void pairs(FakeChat fresh) {
        chat = fresh;
        chat.say("bob", "/mentor teach seo");
        pair("alice", "bob");
        pair("carla", "bob");
    }

    private void pair(String mentee, String mentor) {
        int before = chat.inbox(mentor).size();
        chat.say(mentee, "/mentor request @" + mentor + " seo");
        String dm = chat.waitFor(mentor, before + 1).get(before);
        chat.click(mentor, Locale.ENGLISH, Requests.ACCEPT, FakeChat.value(dm, Requests.ACCEPT), Map.of());
    }

    private List<Session> scheduled(MemberId member) {
        return sessionStore.sessions(member).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .toList();
    }

    @Test
    void refusesTheSameSessionTwiceKindlyFromEitherSideAndInFrench() {
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow 15:00 SEO audit")
                        .text())
                .contains("Session with bob planned");
        assertThat(chat.say("alice", "/mentor schedule @bob tomorrow 15:00").text())
                .startsWith("You already have a session with bob at that time")
                .contains("nothing new was planned");
        assertThat(chat.say("bob", Locale.FRENCH, "/mentor planifier @alice demain 15h")
                        .text())
                .startsWith("Vous avez déjà une séance avec alice à ce moment-là");
        assertThat(scheduled(ALICE)).hasSize(1);
    }

    @Test
    void refusesTheDuplicateFromTheFormToo() {
        chat.say("alice", "/mentor schedule @bob in 2 days 11:30");
        Session first = scheduled(ALICE).get(0);
        Block.Form form =
                (Block.Form) chat.say("alice", "/mentor schedule").blocks().get(0);
        String day = first.start().atZone(first.zone()).toLocalDate().toString();
        Reply again = chat.click(
                "alice",
                Locale.ENGLISH,
                form.actionId(),
                form.value(),
                Map.of("pair", first.pairId(), "date", day, "time", "11:30", "duration", "1h"));
        assertThat(again.text()).startsWith("You already have a session with bob at that time");
        assertThat(scheduled(ALICE)).hasSize(1);
    }

    @Test
    void warnsWhenANewSessionOverlapsAnotherOfThePair() {
        chat.say("alice", "/mentor schedule @bob tomorrow 15:00 1h");
        Reply overlapping = chat.say("alice", "/mentor schedule @bob tomorrow 15:30 1h");
        assertThat(overlapping.text())
                .contains("Session with bob planned", "Heads up: it overlaps your session with bob");
        Reply after = chat.say("alice", "/mentor schedule @bob tomorrow 16:00 30m");
        assertThat(after.text()).contains("Heads up: it overlaps your session with bob");
        Reply clear = chat.say("alice", "/mentor schedule @bob tomorrow 17:00 30m");
        assertThat(clear.text()).contains("Session with bob planned").doesNotContain("Heads up");
        assertThat(scheduled(ALICE)).hasSize(4);
    }

    @Test
    void warnsWhenTheOtherMemberIsBusyWithoutSayingWithWhom() {
        chat.say("carla", "/mentor schedule @bob tomorrow 15:00 1h Carla's secret topic");
        Reply booked = chat.say("alice", "/mentor schedule @bob tomorrow 15:15");
        assertThat(booked.text())
                .contains("Heads up: bob already has another session at that time")
                .doesNotContain("carla", "secret");
    }

    @Test
    void refusesMovingASessionOntoAnotherOfThePair() {
        chat.say("alice", "/mentor schedule @bob tomorrow 15:00");
        chat.say("alice", "/mentor schedule @bob tomorrow 17:00");
        Session later = scheduled(ALICE).stream()
                .max(Comparator.comparing(Session::start))
                .orElseThrow();
        assertThat(chat.say("bob", "/mentor reschedule " + later.shortId() + " tomorrow 15:00")
                        .text())
                .startsWith("You already have a session with alice at that time");
        assertThat(sessionStore.session("console", later.id()).orElseThrow().sequence())
                .isZero();
    }

    @Test
    void booksOnceWhenTheSameSessionIsRequestedManyTimesAtOnce() throws Exception {
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        String day = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC))
                .plusDays(3)
                .toString();
        for (int i = 0; i < racers; i++) {
            String who = i % 2 == 0 ? "alice" : "bob";
            String with = i % 2 == 0 ? "@bob" : "@alice";
            answers.add(pool.submit(() -> {
                go.await();
                return chat.say(who, "/mentor schedule " + with + " " + day + " 09:30")
                        .text();
            }));
        }
        go.countDown();
        List<String> texts = new ArrayList<>();
        for (Future<String> answer : answers) {
            texts.add(answer.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(texts.stream().filter(t -> t.startsWith("Session with"))).hasSize(1);
        assertThat(texts.stream().filter(t -> t.contains("already have a session")))
                .hasSize(racers - 1);
        assertThat(scheduled(ALICE)).hasSize(1);
    }
}
