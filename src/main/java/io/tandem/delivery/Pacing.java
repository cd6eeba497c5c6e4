package io.tandem.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link Sender} keeps within a platform's rate limits, together with every other instance (through the
 * {@link RateGate}): one message per {@link #PER_CONVERSATION} to a conversation; with a rate set, at most that many
 * messages a second to a workspace (Slack) or tenant (Teams); nothing to a workspace while a 429's
 * {@code Retry-After} runs; and after a 429, for {@link #REMEMBER}, a little under the rate that went through
 * (so that a fan-out without a configured rate finds the platform's, instead of hitting it again and again). A
 * send that must wait is handed back to the queue as a throttled retry (never lost, never counted as a failed
 * attempt); only a short wait for room in the workspace's second is spent on the sending thread.
 */
public final class Pacing {

    /** A little over the second both platforms ask for: the time a post takes to reach them varies. */
    static final Duration PER_CONVERSATION = Duration.ofMillis(1100);
    /**
     * The longest a send waits on its thread for room in the workspace's second before it is put back. Waiting
     * there (rather than putting it back at once) is what slows the claiming down to the pace the workspace allows.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    /**
     * Unless the room is further off than this: a workspace paced slowly (a rate learnt from 429s, say) has its
     * sends put back at once, so that it does not hold up the sending threads other workspaces need.
     */
    static final Duration MAX_SLEEP = Duration.ofMillis(250);

    private static final Duration SECOND = Duration.ofSeconds(1);
    /** The pause key of opening conversations in a workspace, beside the workspace's own. */
    private static final String OPENING = "open:";
    /** How long a rate learnt from a 429 holds before Tandem tries the platform's limit again. */
    static final Duration REMEMBER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Pacing.class);

    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong tickets = new AtomicLong();

    private final RateGate gate;
    private final Clock clock;
    private final String platform;
    private final int rate;

    /**
     * @param platform named in the reasons of retries ("rate limited by Slack")
     * @param rate     messages a second per workspace, all instances together; 0 for no limit of Tandem's own
     */
    public Pacing(RateGate gate, Clock clock, String platform, int rate) {
        this.gate = gate;
        this.clock = clock;
        this.platform = platform;
        this.rate = Math.max(0, rate);
    }

    /**
     * Opening a conversation (Slack's {@code conversations.open}) has a limit of its own, far lower than posting:
     * a 429 there holds back the sends that must open a conversation first, for {@code wait}, on every instance,
     * and not the messages to conversations already open, nor the rate Tandem learns for posting. The retry to
     * answer.
     */
    public SendResult openingLimited(String workspace, Duration wait) {
        gate.pause(OPENING + workspace, wait);
        log.info(
                "{} refused to open a conversation (429): opening new ones in {} waits {} s",
                platform,
                workspace,
                wait.toSeconds());
        return openingRetry(clock.instant().plus(wait));
    }

    /** The retry to answer while opening conversations in the workspace waits out a 429, if it does. */
    public Optional<SendResult> openingPaused(String workspace) {
        return gate.pausedUntil(OPENING + workspace).map(this::openingRetry);
    }

    private SendResult openingRetry(Instant until) {
        return new SendResult.Retry(until, "paced: " + platform + " limits opening conversations", true);
    }

    /** The retry to answer while the workspace waits out a 429, if it does. */
    public Optional<SendResult> paused(String workspace) {
        return gate.pausedUntil(workspace).map(until -> limited(until));
    }

    /** A unique name for the place of one send, to pass to {@link #admit} and, after a 429, {@link #rateLimited}. */
    public String ticket() {
        return instance + ":" + tickets.incrementAndGet();
    }

    /**
     * Empty when a message to {@code conversation} in {@code workspace} may go now (its place, {@code ticket}, is
     * taken); otherwise the retry to answer. A busy conversation is put back at once; a full workspace is waited
     * for, a little.
     */
    public Optional<SendResult> admit(String workspace, String conversation, String ticket)
            throws InterruptedException {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (true) {
            RateGate.Verdict verdict = gate.acquire(workspace, conversation, PER_CONVERSATION, rate, SECOND, ticket);
            if (verdict.go()) {
                return Optional.empty();
            }
            if (verdict.full() == RateGate.Full.CONVERSATION) {
                return Optional.of(new SendResult.Retry(
                        clock.instant().plus(verdict.retryIn()), "paced: one message a second per conversation", true));
            }
            if (verdict.retryIn().compareTo(MAX_SLEEP) > 0
                    || verdict.retryIn().toNanos() > deadline - System.nanoTime()) {
                return Optional.of(new SendResult.Retry(
                        clock.instant().plus(verdict.retryIn()), "paced: the workspace's messages a second", true));
            }
            Thread.sleep(Math.max(1, verdict.retryIn().toMillis()));
        }
    }

    /**
     * After a 429: holds the whole workspace back for {@code wait}, on every instance, and then paces it a little
     * under what went through; {@code ticket} is the refused send's place (null if it had none). The retry to
     * answer.
     */
    public SendResult rateLimited(String workspace, Duration wait, String ticket) {
        gate.pause(workspace, wait);
        int learnt = gate.refused(workspace, ticket, rate, SECOND, REMEMBER);
        log.info(
                "{} refused a message (429, retry after {} s): {} paced at {} a second for the next {} s",
                platform,
                wait.toSeconds(),
                workspace,
                learnt,
                REMEMBER.toSeconds());
        return limited(clock.instant().plus(wait));
    }

    private SendResult limited(Instant until) {
        return new SendResult.Retry(until, "rate limited by " + platform, true);
    }
}
