package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.RateGate;
import io.tandem.support.EngineTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The pacing every instance shares: one send per key and interval, and at most n in a sliding window. The windows
 * follow Redis's clock (TIME in the gate's scripts), so where a test lets time pass, it waits for Redis's clock.
 */
@EngineTest
class RedisRateGateTests {

    @Autowired
    RateGate gate;

    @Autowired
    StringRedisTemplate redis;

    /** Now on Redis's clock, in milliseconds. */
    private long redisNow() {
        return redis.execute(
                (RedisCallback<Long>) connection -> connection.serverCommands().time(TimeUnit.MILLISECONDS));
    }

    /** Waits until Redis's clock is {@code by} past {@code since} (a {@link #redisNow()}). */
    private void awaitRedisClock(long since, Duration by) {
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .atMost(by.plusSeconds(10))
                .until(() -> redisNow() >= since + by.toMillis());
    }

    /**
     * Asks the gate again and again until it lets the send go (a refused send takes no place); answers the
     * verdicts it gave before.
     */
    private List<RateGate.Verdict> refusalsUntilGo(
            String workspace, String conversation, Duration interval, int permits, Duration window) {
        List<RateGate.Verdict> refusals = new ArrayList<>();
        await().pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10))
                .atMost(Duration.ofSeconds(5))
                .until(() -> gate.acquire(workspace, conversation, interval, permits, window, ticket()), verdict -> {
                    if (!verdict.go()) {
                        refusals.add(verdict);
                    }
                    return verdict.go();
                });
        return refusals;
    }

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final AtomicInteger TICKETS = new AtomicInteger();

    private static String ticket() {
        return "t" + TICKETS.incrementAndGet();
    }

    @Test
    void letsAtMostTheGivenNumberThroughTheWorkspaceInASlidingWindow() {
        String workspace = "test:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(gate.acquire(workspace, "C" + i, SECOND, 5, Duration.ofMillis(400), ticket())
                            .go())
                    .as("send " + i)
                    .isTrue();
            awaitRedisClock(redisNow(), Duration.ofMillis(45)); // one a tenth of the window: spread out
        }
        RateGate.Verdict sixth = gate.acquire(workspace, "C5", SECOND, 5, Duration.ofMillis(400), ticket());
        assertThat(sixth.full()).as("a sixth within the window").isEqualTo(RateGate.Full.WORKSPACE);
        assertThat(sixth.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(400));
        assertThat(gate.acquire("test:" + UUID.randomUUID(), "C5", SECOND, 5, Duration.ofMillis(400), ticket())
                        .go())
                .as("another workspace has its own window")
                .isTrue();
        // goes once the window has moved on
        assertThat(refusalsUntilGo(workspace, "C5", SECOND, 5, Duration.ofMillis(400)))
                .as("C5 took no place while the workspace was full")
                .allSatisfy(v -> assertThat(v.full()).isEqualTo(RateGate.Full.WORKSPACE));
    }

    @Test
    void saysWhenTheOldestSendLeavesTheWindow() {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND, ticket()).go())
                .isTrue();
        awaitRedisClock(redisNow(), Duration.ofMillis(600));
        assertThat(gate.acquire(workspace, "C2", SECOND, 2, SECOND, ticket()).go())
                .isTrue();
        // the first send leaves the window about 400 ms from now, the second one 1000 ms from now
        assertThat(gate.acquire(workspace, "C3", SECOND, 2, SECOND, ticket()).retryIn())
                .isPositive()
                .isLessThan(Duration.ofMillis(600));
    }

    @Test
    void letsOneMessageThroughPerConversationAndInterval() {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", Duration.ofMillis(300), 0, SECOND, ticket())
                        .go())
                .isTrue();
        RateGate.Verdict again = gate.acquire(workspace, "C1", Duration.ofMillis(300), 0, SECOND, ticket());
        assertThat(again.full()).isEqualTo(RateGate.Full.CONVERSATION);
        assertThat(again.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(gate.acquire(workspace, "C2", Duration.ofMillis(300), 0, SECOND, ticket())
                        .go())
                .as("another conversation")
                .isTrue();
        // goes once the interval is over
        assertThat(refusalsUntilGo(workspace, "C1", Duration.ofMillis(300), 0, SECOND))
                .as("held back by its conversation only")
                .allSatisfy(v -> assertThat(v.full()).isEqualTo(RateGate.Full.CONVERSATION));
    }

    @Test
    void spreadsTheSendsOverTheWindow() {
        String workspace = "test:" + UUID.randomUUID();
        // 20 a second: 2 in any tenth of a second
        assertThat(gate.acquire(workspace, "C1", SECOND, 20, SECOND, ticket()).go())
                .isTrue();
        assertThat(gate.acquire(workspace, "C2", SECOND, 20, SECOND, ticket()).go())
                .isTrue();
        RateGate.Verdict third = gate.acquire(workspace, "C3", SECOND, 20, SECOND, ticket());
        assertThat(third.full()).isEqualTo(RateGate.Full.WORKSPACE);
        assertThat(third.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aBusyConversationTakesNoPlaceInTheWorkspace() {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND, ticket()).go())
                .isTrue();
        awaitRedisClock(redisNow(), Duration.ofMillis(110)); // one a tenth of the window
        for (int i = 0; i < 5; i++) {
            assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND, ticket())
                            .full())
                    .isEqualTo(RateGate.Full.CONVERSATION);
        }
        assertThat(gate.acquire(workspace, "C2", SECOND, 2, SECOND, ticket()).go())
                .as("the second place is still free")
                .isTrue();
    }

    @Test
    void aRefusalHoldsTheWorkspaceALittleUnderWhatWentThrough() {
        String workspace = "test:" + UUID.randomUUID();
        String refused = null;
        for (int i = 0; i < 21; i++) {
            refused = ticket();
            assertThat(gate.acquire(workspace, "C" + i, SECOND, 0, SECOND, refused)
                            .go())
                    .as("no limit yet")
                    .isTrue();
        }
        // the 21st was refused: 20 went through, so 18 a second from now on
        assertThat(gate.refused(workspace, refused, 0, SECOND, Duration.ofSeconds(30)))
                .isEqualTo(18);
        String configured = "test:" + UUID.randomUUID();
        for (int i = 0; i < 18; i++) { // 90% of the configured rate went through
            gate.acquire(configured, "C" + i, SECOND, 0, SECOND, ticket());
        }
        assertThat(gate.refused(configured, "t", 20, SECOND, Duration.ofSeconds(30)))
                .as("refused at about the configured rate: nothing learnt")
                .isEqualTo(20);
        assertThat(gate.acquire(configured, "C99", SECOND, 0, SECOND, ticket()).go())
                .isTrue();
        RateGate.Verdict full = gate.acquire(workspace, "C99", SECOND, 0, SECOND, ticket());
        assertThat(full.full()).isEqualTo(RateGate.Full.WORKSPACE);
        assertThat(gate.acquire("test:" + UUID.randomUUID(), "C99", SECOND, 0, SECOND, ticket())
                        .go())
                .as("other workspaces keep their own pace")
                .isTrue();
        // the other sends of the same burst, refused within the second: nothing changes
        assertThat(gate.refused(workspace, "none", 0, SECOND, Duration.ofSeconds(30)))
                .isEqualTo(18);
    }

    @Test
    void aRefusalAtTheLearntRateLowersItALittleMore() {
        // a three-second window, so that a busy machine's pauses (tenths of a second) cannot push the first sends
        // of the second round out of it: the test is about the count, not about timing
        Duration window = Duration.ofSeconds(3);
        String workspace = "test:" + UUID.randomUUID();
        String refused = null;
        for (int i = 0; i < 11; i++) {
            refused = ticket();
            gate.acquire(workspace, "C" + i, SECOND, 0, window, refused);
        }
        assertThat(gate.refused(workspace, refused, 0, window, Duration.ofSeconds(30)))
                .isEqualTo(9);
        awaitRedisClock(redisNow(), window.plusMillis(100));
        long spacing = window.toMillis() / 10 + 10; // one a tenth of the window at 9 a window
        for (int i = 0; i < 9; i++) {
            refused = ticket();
            assertThat(gate.acquire(workspace, "D" + i, SECOND, 0, window, refused)
                            .go())
                    .isTrue();
            if (i < 8) {
                awaitRedisClock(redisNow(), Duration.ofMillis(spacing));
            }
        }
        // 9 a window was still too many: 8 went through, so 7 now
        assertThat(gate.refused(workspace, refused, 0, window, Duration.ofSeconds(30)))
                .isEqualTo(7);
    }

    @Test
    void aLearntRateIsForgottenAfterAWhile() {
        String workspace = "test:" + UUID.randomUUID();
        String first = ticket();
        assertThat(gate.acquire(workspace, "C1", SECOND, 0, SECOND, first).go()).isTrue();
        assertThat(gate.refused(workspace, first, 0, SECOND, Duration.ofMillis(300)))
                .as("nothing went through")
                .isOne();
        awaitRedisClock(redisNow(), Duration.ofMillis(1100));
        assertThat(gate.acquire(workspace, "C2", SECOND, 0, SECOND, ticket()).go())
                .isTrue();
        assertThat(gate.acquire(workspace, "C3", SECOND, 0, SECOND, ticket()).go())
                .as("the learnt rate is gone")
                .isTrue();
    }
}
