package io.tandem.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sender is told to do, whatever the gate answers (the gate itself: RedisRateGateTests). */
class PacingTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** Answers from a script, records what it was asked. */
    static final class ScriptedGate implements RateGate {
        final Deque<Verdict> verdicts = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();
        Instant pausedUntil;

        @Override
        public Verdict acquire(
                String workspace, String conversation, Duration interval, int permits, Duration window, String ticket) {
            asked.add("acquire " + workspace + " " + conversation + " " + permits + " " + ticket);
            return verdicts.isEmpty() ? Verdict.GO : verdicts.removeFirst();
        }

        @Override
        public int refused(String workspace, String ticket, int permits, Duration window, Duration remember) {
            asked.add("refused " + workspace + " " + ticket + " " + permits + " " + remember);
            return 42;
        }

        @Override
        public void pause(String key, Duration duration) {
            asked.add("pause " + key + " " + duration);
            pausedUntil = NOW.plus(duration);
        }

        @Override
        public Optional<Instant> pausedUntil(String key) {
            return Optional.ofNullable(pausedUntil);
        }
    }

    private final ScriptedGate gate = new ScriptedGate();
    private final Pacing pacing = new Pacing(gate, Clock.fixed(NOW, ZoneOffset.UTC), "Slack", 190);

    @Test
    void letsASendGoWhenTheGateHasRoom() throws InterruptedException {
        String ticket = pacing.ticket();
        assertThat(pacing.admit("slack:T1", "D1", ticket)).isEmpty();
        assertThat(gate.asked).containsExactly("acquire slack:T1 D1 190 " + ticket);
        assertThat(pacing.ticket()).as("tickets are unique").isNotEqualTo(ticket);
    }

    @Test
    void putsBackASendToABusyConversationAtOnce() throws InterruptedException {
        gate.verdicts.add(new RateGate.Verdict(RateGate.Full.CONVERSATION, Duration.ofMillis(700)));
        assertThat(pacing.admit("slack:T1", "D1", pacing.ticket()))
                .hasValueSatisfying(result -> assertThat(result)
                        .isEqualTo(new SendResult.Retry(
                                NOW.plusMillis(700), "paced: one message a second per conversation", true)));
        assertThat(gate.asked).hasSize(1);
    }

    @Test
    void waitsForRoomInTheWorkspaceWhenItIsNear() throws InterruptedException {
        gate.verdicts.add(new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(5)));
        gate.verdicts.add(new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(5)));
        assertThat(pacing.admit("slack:T1", "D1", pacing.ticket())).isEmpty();
        assertThat(gate.asked).as("asked again after each short wait").hasSize(3);
    }

    @Test
    void putsBackASendWhenTheWorkspacesRoomIsFarOff() throws InterruptedException {
        gate.verdicts.add(new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(900)));
        assertThat(pacing.admit("slack:T1", "D1", pacing.ticket()))
                .hasValueSatisfying(result -> assertThat(result)
                        .isEqualTo(new SendResult.Retry(
                                NOW.plusMillis(900), "paced: the workspace's messages a second", true)));
        assertThat(gate.asked).as("no thread held for a slow workspace").hasSize(1);
    }

    @Test
    void aRefusalPausesTheWorkspaceAndTeachesTheGateItsRate() {
        String ticket = pacing.ticket();
        SendResult result = pacing.rateLimited("slack:T1", Duration.ofSeconds(3), ticket);
        assertThat(result).isEqualTo(new SendResult.Retry(NOW.plusSeconds(3), "rate limited by Slack", true));
        assertThat(gate.asked).containsExactly("pause slack:T1 PT3S", "refused slack:T1 " + ticket + " 190 PT1M");
        assertThat(pacing.paused("slack:T1")).contains(result);
    }
}
