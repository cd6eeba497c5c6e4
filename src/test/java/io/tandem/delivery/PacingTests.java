package io.tandem.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** What a sender is told to do, whatever the gate answers (the gate itself: RedisRateGateTests). */
class PacingTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final RateGate gate = mock(RateGate.class);
    private final Pacing pacing = new Pacing(gate, Clock.fixed(NOW, ZoneOffset.UTC), "Slack", 190);

    /** The gate's answers to acquire, in turn (the last one again and again). */
    private void gateAnswers(RateGate.Verdict first, RateGate.Verdict... then) {
        when(gate.acquire(anyString(), anyString(), any(), anyInt(), any(), anyString()))
                .thenReturn(first, then);
    }

    private void verifyAcquired(int times, String ticket) {
        verify(gate, times(times)).acquire(eq("slack:T1"), eq("D1"), any(), eq(190), any(), eq(ticket));
        verifyNoMoreInteractions(gate);
    }

    @Test
    void letsASendGoWhenTheGateHasRoom() throws InterruptedException {
        gateAnswers(RateGate.Verdict.GO);
        String ticket = pacing.ticket();
        assertThat(pacing.admit("slack:T1", "D1", ticket)).isEmpty();
        verifyAcquired(1, ticket);
        assertThat(pacing.ticket()).as("tickets are unique").isNotEqualTo(ticket);
    }

    @Test
    void putsBackASendToABusyConversationAtOnce() throws InterruptedException {
        gateAnswers(new RateGate.Verdict(RateGate.Full.CONVERSATION, Duration.ofMillis(700)));
        String ticket = pacing.ticket();
        assertThat(pacing.admit("slack:T1", "D1", ticket))
                .hasValueSatisfying(result -> assertThat(result)
                        .isEqualTo(new SendResult.Retry(
                                NOW.plusMillis(700), "paced: one message a second per conversation", true)));
        verifyAcquired(1, ticket);
    }

    @Test
    void waitsForRoomInTheWorkspaceWhenItIsNear() throws InterruptedException {
        gateAnswers(
                new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(5)),
                new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(5)),
                RateGate.Verdict.GO);
        String ticket = pacing.ticket();
        assertThat(pacing.admit("slack:T1", "D1", ticket)).isEmpty();
        // asked again after each short wait
        verifyAcquired(3, ticket);
    }

    @Test
    void putsBackASendWhenTheWorkspacesRoomIsFarOff() throws InterruptedException {
        gateAnswers(new RateGate.Verdict(RateGate.Full.WORKSPACE, Duration.ofMillis(900)));
        String ticket = pacing.ticket();
        assertThat(pacing.admit("slack:T1", "D1", ticket))
                .hasValueSatisfying(result -> assertThat(result)
                        .isEqualTo(new SendResult.Retry(
                                NOW.plusMillis(900), "paced: the workspace's messages a second", true)));
        // no thread held for a slow workspace
        verifyAcquired(1, ticket);
    }

    @Test
    void aRefusalPausesTheWorkspaceAndTeachesTheGateItsRate() {
        when(gate.refused(anyString(), anyString(), anyInt(), any(), any())).thenReturn(42);
        String ticket = pacing.ticket();
        SendResult result = pacing.rateLimited("slack:T1", Duration.ofSeconds(3), ticket);
        assertThat(result).isEqualTo(new SendResult.Retry(NOW.plusSeconds(3), "rate limited by Slack", true));
        InOrder order = inOrder(gate);
        order.verify(gate).pause("slack:T1", Duration.ofSeconds(3));
        order.verify(gate).refused(eq("slack:T1"), eq(ticket), eq(190), any(), eq(Duration.ofMinutes(1)));
        verifyNoMoreInteractions(gate);
        // the gate keeps the pause for the three seconds asked
        when(gate.pausedUntil("slack:T1")).thenReturn(Optional.of(NOW.plusSeconds(3)));
        assertThat(pacing.paused("slack:T1")).contains(result);
    }
}
