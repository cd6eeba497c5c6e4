package io.tandem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Where each benchmark writes its figures: one tab-separated file per benchmark under {@code target/bench/results},
 * read by {@link BenchSummary} at the end of {@code ./mvnw -Pbench verify}.
 */
final class BenchResults {

    static final Path DIR = Path.of("target", "bench", "results");

    private final Path file;

    /** Starts (or restarts) the results of one benchmark. */
    BenchResults(String bench) {
        this.file = DIR.resolve(bench + ".tsv");
        try {
            Files.createDirectories(DIR);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One figure. {@code met} is whether it meets its target (null: a figure reported without a target).
     */
    void record(String section, String figure, String value, String target, Boolean met) {
        String line = String.join(
                        "\t",
                        clean(section),
                        clean(figure),
                        clean(value),
                        clean(target),
                        met == null ? "" : met ? "yes" : "NO")
                + "\n";
        System.out.print("[bench] " + line.replace('\t', '|'));
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void info(String section, String figure, String value) {
        record(section, figure, value, "", null);
    }

    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    static String num(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    /**
     * Open loop: waits for the planned moment of request {@code i} of a run that started at {@code start} with one
     * request every {@code interval} nanoseconds, and returns that moment (latencies count from it).
     */
    static long awaitSlot(long start, int i, long interval) {
        long planned = start + i * interval;
        long wait = planned - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return planned;
    }

    /** The {@code p}-th percentile (0–100) of the values, nearest rank. */
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static long percentile(List<Long> values, double p) {
        return percentile(values.stream().mapToLong(Long::longValue).toArray(), p);
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ');
    }
}
