package io.tandem.bench;

import io.tandem.support.FakeSlackApi;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What the fake platform of a fan-out benchmark accepted: each message of the fan-out (by its conversation and its
 * text) and how many times it came. Waits until all arrived, and records the figures the fan-out benchmarks share:
 * the total time against the least the platform's limits allow, messages lost and messages sent twice.
 */
final class FanOutTally {

    /** Slack's workspace budget and Teams' per-tenant budget, as the fakes enforce them. */
    static final int BUDGET_PER_SECOND = 200;

    /** The operator's setting: a little under the budget (README "Configuration"). */
    static final int OPERATOR_RATE = BUDGET_PER_SECOND * 95 / 100;

    private final Predicate<String> counted;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

    /** {@code counted} says which texts belong to the fan-out (anything else the fake accepts is not counted). */
    FanOutTally(Predicate<String> counted) {
        this.counted = counted;
    }

    /**
     * A fake Slack Web API that enforces Slack's limits (one message per second per channel, the workspace's budget
     * per second; 429 with {@code Retry-After} beyond them) and tallies each post it accepts.
     */
    FakeSlackApi slack() {
        FakeSlackApi slack = FakeSlackApi.start();
        slack.on("chat.postMessage", call -> {
            accepted(call.param("channel"), call.param("text"));
            return slack.defaultAnswer(call);
        });
        slack.limitPostMessagePerChannel(Duration.ofSeconds(1));
        slack.limitWorkspace("chat.postMessage", BUDGET_PER_SECOND);
        return slack;
    }

    /** A message the platform accepted. */
    void accepted(String conversation, String text) {
        if (text != null && counted.test(text)) {
            seen.computeIfAbsent(conversation + "\n" + text, k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    /** How many distinct messages of the fan-out arrived. */
    long delivered() {
        return seen.size();
    }

    /** How many arrived more than once. */
    long twice() {
        return seen.values().stream().filter(n -> n.get() > 1).count();
    }

    /**
     * Waits until {@code expected} messages arrived, or 5 minutes after {@code start} ({@link System#nanoTime()});
     * returns the nanoseconds from {@code start} until then. Then waits 3 seconds more: anything sent twice shows up.
     */
    long awaitAll(long expected, long start) {
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (delivered() < expected && System.nanoTime() < deadline) {
            sleep(20);
        }
        long took = System.nanoTime() - start;
        sleep(3_000);
        return took;
    }

    /**
     * The least time, in seconds, the limits allow for {@code messages}: the conversation that gets the most waits a
     * second between two, and the whole budget goes {@code budgetPerSecond} a second.
     */
    static double least(long messages, int mostToOneConversation, int budgetPerSecond) {
        return Math.max(mostToOneConversation - 1, (double) messages / budgetPerSecond);
    }

    /**
     * Records the load, the total time against {@code least} seconds (target ≤ 1.1×), lost and sent twice (target 0)
     * and the 429s the fake answered.
     */
    void report(
            BenchResults results, String section, String load, long took, long expected, double least, int refused) {
        double seconds = took / 1e9;
        long lost = Math.max(0, expected - delivered());
        long twice = twice();
        results.info(section, "load", load);
        results.record(
                section,
                "total time (least the limits allow: " + BenchResults.num(least) + " s)",
                String.format(Locale.ROOT, "%.1f s (%.2f×)", seconds, seconds / least),
                "≤ 1.1×",
                seconds <= 1.1 * least);
        results.record(section, "lost", String.valueOf(lost), "0", lost == 0);
        results.record(section, "sent twice", String.valueOf(twice), "0", twice == 0);
        results.info(section, "429s received", String.valueOf(refused));
    }

    /** The load line: messages, recipients and the limits. */
    static String load(long messages, long recipients) {
        return String.format(
                Locale.ROOT,
                "%,d to %,d members; 1/s per conversation, %d/s in all",
                messages,
                recipients,
                BUDGET_PER_SECOND);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
