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

    @Test
    void letsAtMostTheGivenNumberThroughInASlidingWindow() throws InterruptedException {
        String key = "test:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(gate.tryAcquire(key, 5, Duration.ofMillis(400))).as("send " + i).isTrue();
        }
        assertThat(gate.tryAcquire(key, 5, Duration.ofMillis(400))).as("a sixth within the window").isFalse();
        assertThat(gate.tryAcquire("test:" + UUID.randomUUID(), 5, Duration.ofMillis(400)))
                .as("another key has its own window").isTrue();
        Thread.sleep(450);
        assertThat(gate.tryAcquire(key, 5, Duration.ofMillis(400))).as("once the window has moved on").isTrue();
    }

    @Test
    void letsOneThroughPerInterval() throws InterruptedException {
        String key = "test:" + UUID.randomUUID();
        assertThat(gate.tryAcquire(key, Duration.ofMillis(300))).isTrue();
        assertThat(gate.tryAcquire(key, Duration.ofMillis(300))).isFalse();
        Thread.sleep(350);
        assertThat(gate.tryAcquire(key, Duration.ofMillis(300))).isTrue();
    }
}
