package io.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.FailoverFanOut;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A primary of the Redis Cluster killed in the middle of a fan-out to 24 workspaces (two Tandem instances, Slack
 * on, no console): its replica takes over, Tandem follows the new topology by itself and every message queued
 * before the kill arrives, none twice (a delivery in doubt is looked for in the conversation before it is sent
 * again). The benchmark ({@code -Pbench}) runs it larger and reports the figures; README "Redis Cluster".
 */
class ClusterFailoverTests {

    @Test
    void aPrimaryKilledDuringAFanOutLosesNothingQueuedBeforeAndSendsNothingTwice() throws Exception {
        FailoverFanOut.Result result = FailoverFanOut.run(24, 25, 0.3, Duration.ofMinutes(3));
        System.out.println("Failover during a fan-out: " + result);
        assertThat(result.atKill()).as("killed in the middle").isBetween(1, result.notifications() - 100);
        assertThat(result.failoverMillis()).as("the replica took over").isLessThan(60_000);
        assertThat(result.lost()).as("lost, of %d", result.notifications()).isZero();
        assertThat(result.twice()).as("sent twice").isZero();
    }
}
