package io.tandem.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Action;
import io.tandem.engine.ActionValue;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SharedRedisInstances;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accepting, declining and editing a profile at the same moment on two Tandem instances sharing one Redis, in
 * production mode (Slack on, an external Redis, no console): the checks and the writes are one atomic step, so no
 * click makes a second pair, passes a mentor's capacity, or undoes a concurrent change.
 */
class ConcurrentFlowsTests {

    private static final String TEAM = FakeSlackApi.TEAM_ID;
    private static FakeSlackApi slack;
    private static SharedRedisInstances tandem;
    private final ExecutorService clicks = Executors.newFixedThreadPool(20);

    @BeforeAll
    static void start() throws Exception {
        slack = FakeSlackApi.start();
        tandem = SharedRedisInstances.start(
                2,
                "--tandem.slack.bot-token=xoxb-concurrent",
                "--tandem.slack.signing-secret=concurrent",
                "--tandem.slack.api-url=" + slack.apiUrl());
    }

    @AfterAll
    static void stop() {
        tandem.close();
        slack.close();
    }

    @BeforeEach
    void empty() {
        tandem.redis().getConnectionFactory().getConnection().serverCommands().flushDb();
    }

    private static Reply say(int instance, String user, String name, String text) {
        return tandem.engine(instance)
                .handle(ChatEvent.text(
                        Platform.SLACK,
                        TEAM,
                        user,
                        name,
                        Locale.ENGLISH,
                        ZoneId.of("Europe/Paris"),
                        "D" + user,
                        text,
                        List.of()));
    }

    private static Reply click(int instance, String user, String name, String action, String value) {
        return tandem.engine(instance)
                .handle(ChatEvent.action(
                        Platform.SLACK,
                        TEAM,
                        user,
                        name,
                        Locale.ENGLISH,
                        ZoneId.of("Europe/Paris"),
                        "D" + user,
                        new Action(action, value, Map.of())));
    }

    private static MemberId member(String user) {
        return MemberId.of(Platform.SLACK, TEAM, user);
    }

    private static RequestStore requests() {
        return tandem.bean(0, RequestStore.class);
    }

    private static PairStore pairs() {
        return tandem.bean(0, PairStore.class);
    }

    private static Profile profile(String user) {
        return tandem.bean(1, ProfileStore.class).find(member(user)).orElseThrow();
    }

    /** Runs every task at the same moment (as far as threads allow) and returns their answers. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(clicks.submit(() -> {
                go.await();
                return task.call();
            }));
        }
        go.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    /** Mentees with names that are common words and prefixes of each other. */
    private static List<String> mentees(int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add("U" + (i % 2 == 0 ? "BOB" : "BOBSMITH") + i);
        }
        return users;
    }

    @Test
    void twentyConcurrentAcceptsOnAMentorWithRoomForTwoMakeExactlyTwoPairs() throws Exception {
        say(0, "UBOB", "Bob", "/mentor teach seo");
        say(1, "UBOB", "Bob", "/mentor set capacity 2");
        List<String> mentees = mentees(20);
        for (String mentee : mentees) {
            assertThat(say(mentees.indexOf(mentee) % 2, mentee, "Will", "/mentor request <@UBOB> seo")
                            .text())
                    .contains("I've asked Bob");
        }
        List<MentoringRequest> pending = requests().pending(member("UBOB"));
        assertThat(pending).hasSize(20);

        List<Callable<Reply>> accepts = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            int instance = i % 2;
            String value = ActionValue.of("request", pending.get(i).id());
            accepts.add(() -> click(instance, "UBOB", "Bob", Requests.ACCEPT, value));
        }
        List<Reply> answers = together(accepts);

        assertThat(answers.stream()
                        .filter(r -> r.text().contains("are now a pair"))
                        .count())
                .isEqualTo(2);
        assertThat(answers.stream()
                        .filter(r -> r.text().contains("no place free"))
                        .count())
                .isEqualTo(18);
        assertThat(pairs().pairs(member("UBOB"))).hasSize(2).allMatch(Pair::open);
        assertThat(profile("UBOB").mentees()).isEqualTo(2);
        assertThat(profile("UBOB").spare()).isZero();
        assertThat(requests().pending(member("UBOB"))).hasSize(18);
        // a search no longer offers the full mentor
        assertThat(say(1, mentees.get(0), "Will", "/mentor find seo").text()).doesNotContain("Bob");
    }

    @Test
    void eightClicksOnOneAcceptButtonMakeOnePair() throws Exception {
        say(0, "UMAY", "May", "/mentor teach negotiation");
        say(1, "UMAYA", "Maya", "/mentor request <@UMAY> negotiation");
        String value = ActionValue.of(
                "request", requests().pending(member("UMAY")).get(0).id());
        List<Callable<Reply>> accepts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int instance = i % 2;
            accepts.add(() -> click(instance, "UMAY", "May", Requests.ACCEPT, value));
        }
        List<Reply> answers = together(accepts);

        assertThat(answers.stream()
                        .filter(r -> r.text().contains("are now a pair"))
                        .count())
                .isEqualTo(1);
        assertThat(answers.stream()
                        .filter(r -> r.text().contains("already answered"))
                        .count())
                .isEqualTo(7);
        assertThat(pairs().pairs(member("UMAY"))).hasSize(1);
        assertThat(profile("UMAY").mentees()).isEqualTo(1);
    }

    @Test
    void anAcceptAndADeclineAtOnceLeaveOneAnswer() throws Exception {
        for (int round = 0; round < 10; round++) {
            String mentor = "USEO" + round;
            String mentee = "USEOX" + round;
            say(0, mentor, "Seo", "/mentor teach seo");
            say(1, mentee, "Seo Expert", "/mentor request <@" + mentor + "> seo");
            String value = ActionValue.of(
                    "request", requests().pending(member(mentor)).get(0).id());
            List<Reply> answers = together(List.of(
                    () -> click(0, mentor, "Seo", Requests.ACCEPT, value),
                    () -> click(1, mentor, "Seo", Requests.DECLINE_SAVE, value)));
            String requestId = ActionValue.parse(value).get("request").orElseThrow();
            MentoringRequest answered =
                    requests().request("slack:" + TEAM, requestId).orElseThrow();
            int pairs = pairs().pairs(member(mentor)).size();
            if (answered.status() == MentoringRequest.Status.ACCEPTED) {
                assertThat(pairs).isEqualTo(1);
                assertThat(profile(mentor).mentees()).isEqualTo(1);
            } else {
                assertThat(answered.status()).isEqualTo(MentoringRequest.Status.DECLINED);
                assertThat(pairs).isZero();
                assertThat(profile(mentor).mentees()).isZero();
            }
            assertThat(answers.stream()
                            .filter(r -> r.text().contains("already answered"))
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void concurrentSetAndAcceptLoseNeitherChange() throws Exception {
        say(0, "UWILL", "Will", "/mentor teach seo");
        say(0, "UWILL", "Will", "/mentor set capacity 10");
        for (int round = 0; round < 8; round++) {
            String mentee = "UWILLIAM" + round;
            say(1, mentee, "William", "/mentor request <@UWILL> seo");
            String value = ActionValue.of(
                    "request", requests().pending(member("UWILL")).get(0).id());
            String team = "Team " + round;
            int capacity = 3 + round;
            int one = round % 2;
            int other = (round + 1) % 2;
            // one instance accepts while the other changes the mentor's profile twice
            together(List.<Callable<Reply>>of(
                    () -> click(one, "UWILL", "Will", Requests.ACCEPT, value),
                    () -> say(other, "UWILL", "Will", "/mentor set team " + team),
                    () -> say(other, "UWILL", "Will", "/mentor set capacity " + capacity)));
            Profile will = profile("UWILL");
            assertThat(will.team()).as("round %d", round).isEqualTo(team);
            assertThat(will.capacity()).as("round %d", round).isEqualTo(capacity);
            assertThat(will.mentees()).as("round %d", round).isEqualTo(round + 1);
            assertThat(pairs().pairs(member("UWILL"))).hasSize(round + 1);
        }
        // the search index holds the spare capacity the profile says
        Double score = tandem.redis().opsForZSet().score("tandem:{slack:" + TEAM + "}:teach:seo:none", "UWILL");
        assertThat(score).isEqualTo((double) profile("UWILL").spare());
    }

    @Test
    void endingAPairTwiceAtOnceFreesOnePlace() throws Exception {
        say(0, "UCONSOLE", "Console", "/mentor teach seo");
        say(0, "UCONSOLE", "Console", "/mentor set capacity 3");
        say(1, "USLACK", "Slack", "/mentor request <@UCONSOLE> seo");
        say(1, "UT1", "T1", "/mentor request <@UCONSOLE> seo");
        for (MentoringRequest r : requests().pending(member("UCONSOLE"))) {
            click(0, "UCONSOLE", "Console", Requests.ACCEPT, ActionValue.of("request", r.id()));
        }
        assertThat(profile("UCONSOLE").mentees()).isEqualTo(2);
        Pair pair = pairs().pairs(member("USLACK")).get(0);
        String value = ActionValue.of("pair", pair.id());
        List<Reply> ends = together(List.of(
                () -> click(0, "USLACK", "Slack", PairActions.END, value),
                () -> click(1, "UCONSOLE", "Console", PairActions.END, value),
                () -> click(1, "USLACK", "Slack", PairActions.END, value)));
        assertThat(ends.stream().filter(r -> r.text().contains("out of date")).count())
                .isEqualTo(2);
        assertThat(pairs().pair("slack:" + TEAM, pair.id()).orElseThrow().status())
                .isEqualTo(Pair.Status.ENDED);
        assertThat(profile("UCONSOLE").mentees()).isEqualTo(1);
    }

    /**
     * A programme's publish forms its pairs in batches; two batches on two instances and clicks on Accept, all at
     * once, on one mentor with room for two: two pairs in all, the rest refused as full, and the batched read of
     * everyone's pairs agrees with reading each (mentees whose names are prefixes of one another).
     */
    @Test
    void batchedFormationsAndClicksAtOnceNeverPassAMentorsCapacity() throws Exception {
        say(0, "UBOB", "Bob", "/mentor teach seo");
        say(1, "UBOB", "Bob", "/mentor set capacity 2");
        List<String> mentees = mentees(24);
        for (String mentee : mentees.subList(0, 4)) {
            say(mentees.indexOf(mentee) % 2, mentee, "Will", "/mentor request <@UBOB> seo");
        }
        List<MentoringRequest> pending = requests().pending(member("UBOB"));
        Profile bob = profile("UBOB");
        List<List<RequestStore.Formation>> batches = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 4; i < mentees.size(); i++) {
            say(i % 2, mentees.get(i), "Will", "/mentor learn seo");
            Profile mentee = profile(mentees.get(i));
            Instant now = Instant.now();
            MentoringRequest request = new MentoringRequest(
                    UUID.randomUUID().toString(),
                    mentee.id(),
                    bob.id(),
                    "seo",
                    null,
                    MentoringRequest.Status.PENDING,
                    now,
                    null,
                    null);
            batches.get(i % 2)
                    .add(new RequestStore.Formation(
                            request,
                            request.answered(MentoringRequest.Status.ACCEPTED, now, null),
                            Pair.formed(bob, mentee, "seo", now)));
        }

        List<Callable<Long>> all = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            RequestStore store = tandem.bean(instance, RequestStore.class);
            List<RequestStore.Formation> batch = batches.get(instance);
            all.add(() -> store.saveAndAcceptAll(batch).stream()
                    .filter(a -> a == RequestStore.Acceptance.ACCEPTED)
                    .count());
        }
        for (int i = 0; i < pending.size(); i++) {
            int instance = i % 2;
            String value = ActionValue.of("request", pending.get(i).id());
            all.add(() -> click(instance, "UBOB", "Bob", Requests.ACCEPT, value)
                            .text()
                            .contains("are now a pair")
                    ? 1L
                    : 0L);
        }
        long formed = together(all).stream().mapToLong(Long::longValue).sum();

        assertThat(formed).isEqualTo(2);
        assertThat(pairs().pairs(member("UBOB"))).hasSize(2).allMatch(Pair::open);
        assertThat(profile("UBOB").mentees()).isEqualTo(2);
        List<MemberId> everyone = new ArrayList<>(
                mentees.stream().map(ConcurrentFlowsTests::member).toList());
        everyone.add(member("UBOB"));
        Map<MemberId, List<Pair>> batched = tandem.bean(1, PairStore.class).pairsOf(everyone);
        assertThat(batched).containsOnlyKeys(everyone);
        everyone.forEach(m -> assertThat(batched.get(m)).as(m.toString()).isEqualTo(pairs().pairs(m)));
        assertThat(batched.values().stream().mapToLong(List::size).sum()).isEqualTo(4);
    }
}
