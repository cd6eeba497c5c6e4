package io.tandem.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs numbered checks on a pool of threads and keeps every problem by number, so a failure names the first
 * failing input whatever order the threads ran in. A check returns null when all is well, or what is wrong; a
 * check that throws (the server reset the connection, timed out) is a problem too.
 */
final class Hammer {

    private Hammer() {}

    static Map<Integer, String> run(int threads, int count, IntFunction<String> check) {
        Map<Integer, String> problems = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                pool.execute(() -> {
                    try {
                        String problem = check.apply(n);
                        if (problem != null) {
                            problems.put(n, problem);
                        }
                    } catch (RuntimeException e) {
                        problems.put(n, "the request failed: " + e);
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                pool.shutdownNow();
                problems.put(Integer.MAX_VALUE, "not finished after 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        return problems;
    }

    /**
     * "3 of 10000 failed; the first, #17: ..." for an assertion message, or "" when there is no problem. Every
     * problem is written to {@code target/reliability/<name>.txt}.
     */
    static String report(String name, Map<Integer, String> problems, int count, IntFunction<String> describe) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        problems.forEach((n, problem) -> all.append('#')
                .append(n)
                .append(": ")
                .append(n < count ? describe.apply(n) : "")
                .append("\n  → ")
                .append(problem)
                .append("\n\n"));
        Path file = Path.of("target", "reliability", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, all.toString().getBytes(StandardCharsets.UTF_8)); // lone surrogates: ?
        } catch (IOException e) {
            // the assertion message still names the first failure
        }
        Map.Entry<Integer, String> first = problems.entrySet().iterator().next();
        return problems.size() + " of " + count + " failed (all in " + file + "); the first, #" + first.getKey() + ": "
                + (first.getKey() < count ? describe.apply(first.getKey()) : "") + "\n  → " + first.getValue();
    }

    /** A Java string literal of {@code s} (escaped, shortened in the middle when long), to paste into a test. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        String shown = s.length() <= 400
                ? s
                : s.substring(0, 200) + "…[" + (s.length() - 400) + " more]…" + s.substring(s.length() - 200);
        for (char c : shown.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20
                            || c == 0x7F
                            || (c >= 0x80
                                    && (Character.isISOControl(c)
                                            || Character.isSurrogate(c)
                                            || Character.getType(c) == Character.FORMAT))) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
