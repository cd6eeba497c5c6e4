package io.tandem.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.store.RedisDeliveryQueue;
import io.tandem.support.EngineTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The queue on the real embedded Redis. Recipients are Teams members: no Teams sender runs in this context, so
 * nothing but the test claims them. The queue has a clock of its own, which the tests move to make leases run
 * out (leases follow the instances' clock: the queue passes its times to Redis).
 */
@EngineTest
class RedisDeliveryQueueTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JsonMapper json;

    private TravelClock clock;
    private DeliveryQueue queue;

    @BeforeEach
    void empty() {
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        clock = new TravelClock(Clock.systemUTC());
        queue = new RedisDeliveryQueue(redis, json, clock);
    }

    static Notification note(String user) {
        Reply reply = Reply.builder()
                .text("Hello " + user)
                .block(new Block.Section(
                        "Card",
                        "Body",
                        List.of(new Block.Field("K", "V")),
                        List.of(new Block.Button("a.b", "Go", "x=1", Block.ButtonStyle.PRIMARY))))
                .items(null, List.of("one"))
                .block(new Block.Form(
                        "f",
                        "Form",
                        "Save",
                        List.of(new Block.Input(
                                "d", "Date", Block.InputType.DATE, true, "", "", List.of(new Block.Choice("a", "A")))),
                        Map.of("d", "bad")))
                .build();
        return new Notification(new MemberId("teams:tenant", user), "test.kind", reply);
    }

    @Test
    void aDeliveryWhoseWorkerNeverSaidHowItWentComesBackInDoubt() {
        queue.enqueue(note("ana"));
        queue.enqueue(note("bob"));
        List<Delivery> first = queue.claim(Platform.TEAMS, 10, Duration.ofMillis(200));
        assertThat(first).hasSize(2).noneMatch(Delivery::inDoubt);
        Delivery handedBack = first.stream()
                .filter(d -> d.notification().recipient().user().equals("bob"))
                .findFirst()
                .orElseThrow();
        queue.retry(handedBack, Instant.now(), false);
        clock.advance(Duration.ofMillis(300)); // ana's lease runs out: her worker died without a word
        List<Delivery> again = queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1));
        assertThat(again)
                .extracting(d -> d.notification().recipient().user() + ":" + d.inDoubt())
                .containsExactlyInAnyOrder("ana:true", "bob:false");
        again.forEach(queue::done);
        queue.enqueue(note("cid"));
        assertThat(queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1)))
                .singleElement()
                .satisfies(d -> assertThat(d.inDoubt()).isFalse());
        assertThat(redis.keys("tandem:{q*}:claimed:teams").stream()
                        .mapToLong(k -> redis.opsForHash().size(k))
                        .sum())
                .as("claims kept")
                .isEqualTo(1);
    }

    @Test
    void keepsEveryPartOfANotification() {
        Notification n = note("ana");
        queue.enqueue(n);
        List<Delivery> claimed = queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1));
        assertThat(claimed).singleElement().satisfies(d -> {
            assertThat(d.notification()).isEqualTo(n);
            assertThat(d.attempts()).isZero();
        });
    }

    @Test
    void keepsWhomToTellWhenItCannotBeDelivered() {
        Notification n = new Notification(
                new MemberId("teams:tenant", "bob"),
                "test.kind",
                Reply.text("Hi Bob"),
                new MemberId("teams:tenant", "ana"),
                Reply.text("Bob could not be reached"));
        queue.enqueue(n);
        Delivery claimed = queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        assertThat(claimed.notification()).isEqualTo(n);
        assertThat(claimed.notification().undeliveredNotice()).hasValueSatisfying(notice -> {
            assertThat(notice.recipient().user()).isEqualTo("ana");
            assertThat(notice.message().text()).isEqualTo("Bob could not be reached");
            assertThat(notice.undeliveredNotice()).isEmpty();
        });
    }

    @Test
    void keepsBothLabelsThroughTheQueue() {
        Notification n = Notification.of(
                        new MemberId("teams:tenant", "bob"),
                        NotificationKind.REQUEST_ACCEPTED,
                        Messages.of(Language.FR),
                        Reply.text("Bob a accepté"))
                .orTell(
                        new MemberId("teams:tenant", "ana"),
                        Messages.of(Language.EN),
                        Reply.text("Bob could not be reached"));
        queue.enqueue(n);
        Delivery claimed = queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        assertThat(claimed.notification()).isEqualTo(n);
        assertThat(claimed.notification().label()).isEqualTo("Demande acceptée");
        assertThat(claimed.notification().undeliveredNotice().orElseThrow().label())
                .isEqualTo("Not delivered");
    }

    @Test
    void leasesAClaimUntilItExpires() {
        queue.enqueue(note("ana"));
        assertThat(queue.claim(Platform.TEAMS, 10, Duration.ofMillis(700))).hasSize(1);
        assertThat(queue.claim(Platform.TEAMS, 10, Duration.ofMillis(700))).isEmpty();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1)), l -> l.size() == 1);
        assertThat(queue.claim(Platform.SLACK, 10, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void retriesLaterAndCountsOnlyCountedAttempts() {
        queue.enqueue(note("ana"));
        Delivery d = queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        queue.retry(d, Instant.now().plusSeconds(60), true);
        assertThat(queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1))).isEmpty();
        assertThat(queue.depth(Platform.TEAMS)).isEqualTo(1);
        queue.retry(new Delivery(d.id(), d.notification(), 1, d.queuedAt()), Instant.now(), false);
        Delivery again = queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        assertThat(again.id()).isEqualTo(d.id());
        assertThat(again.attempts()).isEqualTo(1);
    }

    @Test
    void forgetsDeliveredAndRecordsFailed() {
        queue.enqueue(note("ana"));
        queue.enqueue(note("bob"));
        List<Delivery> both = queue.claim(Platform.TEAMS, 10, Duration.ofMinutes(1));
        Delivery ana = both.stream()
                .filter(d -> d.notification().recipient().user().equals("ana"))
                .findFirst()
                .orElseThrow();
        Delivery bob = both.stream().filter(d -> d != ana).findFirst().orElseThrow();
        queue.done(ana);
        queue.failed(bob, "user_not_found");
        assertThat(queue.depth(Platform.TEAMS)).isZero();
        assertThat(queue.failures("teams:tenant", 10)).singleElement().satisfies(f -> {
            assertThat(f.recipient()).isEqualTo("teams:tenant:bob");
            assertThat(f.reason()).isEqualTo("user_not_found");
            assertThat(f.kind()).isEqualTo("test.kind");
            assertThat(f.attempts()).isEqualTo(1);
        });
        assertThat(queue.failures("teams:other", 10)).isEmpty();
    }

    @Test
    void neverHandsTheSameDeliveryToTwoClaimers() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            queue.enqueue(note("m" + i));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            claimers.submit(() -> {
                List<Delivery> batch;
                while (!(batch = queue.claim(Platform.TEAMS, 7, Duration.ofMinutes(1))).isEmpty()) {
                    batch.forEach(d -> claimed.add(d.id()));
                }
            });
        }
        claimers.shutdown();
        assertThat(claimers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Set<String> distinct = new HashSet<>(claimed);
        assertThat(claimed).hasSize(300);
        assertThat(distinct).hasSize(300);
    }

    @Test
    void anOrphanedDeliveryKeepsItsPlaceBeforeNewerWork() {
        queue.enqueue(note("ana"));
        Delivery orphan = queue.claim(Platform.TEAMS, 1, Duration.ofMillis(300)).get(0);
        clock.advance(Duration.ofMillis(20));
        for (int i = 0; i < 5; i++) {
            queue.enqueue(note("later" + i));
        }
        assertThat(queue.depth(Platform.TEAMS))
                .as("claimed ones are still waiting")
                .isEqualTo(6);
        clock.advance(Duration.ofMillis(400)); // ana's worker died: her lease runs out behind five newer deliveries
        Delivery first = queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        assertThat(first.id()).isEqualTo(orphan.id());
        assertThat(first.inDoubt()).isTrue();
        assertThat(first.firstClaimed()).as("looked for from its first claim").isEqualTo(orphan.firstClaimed());
        assertThat(first.fence()).isGreaterThan(orphan.fence());
    }

    @Test
    void aWorkerWhoseLeaseWasLostCannotCompleteOrRequeueWhatAnotherTookOver() {
        queue.enqueue(note("ana"));
        Delivery slow = queue.claim(Platform.TEAMS, 1, Duration.ofMillis(200)).get(0);
        assertThat(queue.renew(slow, Duration.ofMillis(200))).isTrue();
        clock.advance(Duration.ofMillis(300));
        Delivery takenOver =
                queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)).get(0);
        assertThat(takenOver.id()).isEqualTo(slow.id());
        assertThat(queue.renew(slow, Duration.ofMinutes(1)))
                .as("the lease is gone")
                .isFalse();

        queue.retry(slow, Instant.now(), true);
        queue.done(slow);
        queue.failed(slow, "late");
        assertThat(queue.depth(Platform.TEAMS)).as("still the other worker's").isEqualTo(1);
        assertThat(queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1)))
                .as("not put back by the late worker")
                .isEmpty();
        assertThat(queue.failures("teams:tenant", 10)).isEmpty();

        queue.done(takenOver);
        assertThat(queue.depth(Platform.TEAMS)).isZero();
        assertThat(redis.keys("tandem:{q*}:*")).isNotEmpty().allMatch(k -> k.contains(":fence:"));
    }

    @Test
    void aRenewedLeaseIsNotClaimedAgain() {
        queue.enqueue(note("ana"));
        Delivery sending =
                queue.claim(Platform.TEAMS, 1, Duration.ofMillis(300)).get(0);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMillis(150));
            assertThat(queue.renew(sending, Duration.ofMillis(300))).isTrue();
            assertThat(queue.claim(Platform.TEAMS, 1, Duration.ofMinutes(1))).isEmpty();
        }
        queue.done(sending);
        assertThat(queue.depth(Platform.TEAMS)).isZero();
    }

    /**
     * A batch leaves Redis exactly as one enqueue each would (records, due set, each person's listing; ids and
     * times aside), across more than one pipeline, and every notification comes out of it once, whole; done with
     * all of them, nothing is left listed under anyone (names that are prefixes of one another).
     */
    @Test
    void aBatchIsQueuedExactlyAsOneEnqueueEachWould() {
        List<Notification> notes = new ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            String to = i % 2 == 0 ? "bob" : "bob.smith";
            String about = i % 2 == 0 ? "bob.smith" : "bob";
            notes.add(new Notification(
                    new MemberId("teams:tenant", to),
                    "test.kind",
                    Reply.text("Hello " + to + " " + i),
                    new MemberId("teams:tenant", about),
                    Reply.text(to + " could not be reached")));
        }
        notes.forEach(queue::enqueue);
        List<String> oneByOne = shape();
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();

        queue.enqueueAll(notes);

        assertThat(shape()).isEqualTo(oneByOne);
        List<Delivery> claimed = queue.claim(Platform.TEAMS, 2_000, Duration.ofMinutes(1));
        assertThat(claimed.stream().map(Delivery::notification).toList()).containsExactlyInAnyOrderElementsOf(notes);
        claimed.forEach(queue::done);
        assertThat(queue.depth(Platform.TEAMS)).isZero();
        assertThat(redis.keys("*owns*")).isEmpty();
    }

    /** Every key and value in Redis, with delivery ids and times replaced, sorted: what a queue leaves behind. */
    private List<String> shape() {
        List<String> out = new ArrayList<>();
        io.tandem.support.RedisContents.of(redis, k -> true)
                .forEach((key, values) -> values.forEach(v -> out.add((key + " " + v)
                        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID")
                        .replaceAll("\\d{13}", "T"))));
        out.sort(null);
        return out;
    }
}
