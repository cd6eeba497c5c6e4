package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tandem.delivery.RateGate;
import io.tandem.support.EngineTest;

/** The pacing every instance shares: one send per key and interval, and at most n in a sliding window. */
@EngineTest
class RedisRateGateTests {

    @Autowired
    RateGate gate;

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void letsAtMostTheGivenNumberThroughTheWorkspaceInASlidingWindow() throws InterruptedException {
        String workspace = "test:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(gate.acquire(workspace, "C" + i, SECOND, 5, Duration.ofMillis(400)).go()).as("send " + i)
                    .isTrue();
        }
        RateGate.Verdict sixth = gate.acquire(workspace, "C5", SECOND, 5, Duration.ofMillis(400));
        assertThat(sixth.full()).as("a sixth within the window").isEqualTo(RateGate.Full.WORKSPACE);
        assertThat(sixth.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(400));
        assertThat(gate.acquire("test:" + UUID.randomUUID(), "C5", SECOND, 5, Duration.ofMillis(400)).go())
                .as("another workspace has its own window").isTrue();
        Thread.sleep(450);
        assertThat(gate.acquire(workspace, "C5", SECOND, 5, Duration.ofMillis(400)).go())
                .as("once the window has moved on; C5 took no place while the workspace was full").isTrue();
    }

    @Test
    void saysWhenTheOldestSendLeavesTheWindow() throws InterruptedException {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND).go()).isTrue();
        Thread.sleep(600);
        assertThat(gate.acquire(workspace, "C2", SECOND, 2, SECOND).go()).isTrue();
        // the first send leaves the window about 400 ms from now, the second one 1000 ms from now
        assertThat(gate.acquire(workspace, "C3", SECOND, 2, SECOND).retryIn()).isPositive()
                .isLessThan(Duration.ofMillis(600));
    }

    @Test
    void letsOneMessageThroughPerConversationAndInterval() throws InterruptedException {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", Duration.ofMillis(300), 0, SECOND).go()).isTrue();
        RateGate.Verdict again = gate.acquire(workspace, "C1", Duration.ofMillis(300), 0, SECOND);
        assertThat(again.full()).isEqualTo(RateGate.Full.CONVERSATION);
        assertThat(again.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
        assertThat(gate.acquire(workspace, "C2", Duration.ofMillis(300), 0, SECOND).go())
                .as("another conversation").isTrue();
        Thread.sleep(350);
        assertThat(gate.acquire(workspace, "C1", Duration.ofMillis(300), 0, SECOND).go()).isTrue();
    }

    @Test
    void aBusyConversationTakesNoPlaceInTheWorkspace() {
        String workspace = "test:" + UUID.randomUUID();
        assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND).go()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(gate.acquire(workspace, "C1", SECOND, 2, SECOND).full()).isEqualTo(RateGate.Full.CONVERSATION);
        }
        assertThat(gate.acquire(workspace, "C2", SECOND, 2, SECOND).go()).as("the second place is still free")
                .isTrue();
    }
}
