package io.tandem.bench;

import baseline.BareApplication;
import io.tandem.TandemApplication;
import io.tandem.support.Ports;
import io.tandem.support.TestDataDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * Start-up time to ready and heap after a full GC, for Tandem and for a bare Spring Boot app with the same starters
 * (each in its own JVM, the same flags, both on one real Redis); and Tandem in local mode (embedded Redis, demo).
 * Each start is repeated; the median is reported.
 */
@Tag("bench")
class CostBench {

    private static final int STARTS = 3;
    private static final Pattern STARTED =
            Pattern.compile("Started \\w+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Start(double seconds, long heapKb) {}

    @Test
    void startUpAndHeapAgainstABareSpringBootApp() throws Exception {
        BenchResults results = new BenchResults("5-cost");
        int redisPort = Ports.free();
        RedisServer redis =
                RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
        redis.start();
        try {
            String url = "--spring.data.redis.url=redis://127.0.0.1:" + redisPort;
            Start bare = median(() -> launch(
                    BareApplication.class.getName(),
                    "bare",
                    url,
                    "--spring.config.name=bare-none",
                    "--server.port=0",
                    "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfig"
                            + "ure.DataSourceAutoConfiguration"));
            Start tandem = median(() -> launch(
                    TandemApplication.class.getName(),
                    "tandem",
                    url,
                    "--server.port=0",
                    "--tandem.demo.enabled=false"));
            Start local = median(() -> launch(TandemApplication.class.getName(), "local", "--server.port=0"));
            results.info(
                    "Cost",
                    "bare Spring Boot app, same starters: start to ready / heap after GC",
                    seconds(bare) + " / " + mb(bare));
            results.record(
                    "Cost",
                    "Tandem (REDIS_URL): start to ready / heap after GC",
                    seconds(tandem) + " / " + mb(tandem),
                    String.format(Locale.ROOT, "start ≤ 1.5× the bare app's (%.1f s)", 1.5 * bare.seconds()),
                    tandem.seconds() <= 1.5 * bare.seconds());
            results.info(
                    "Cost",
                    "Tandem local mode (embedded Redis, 30-member demo): start to ready / heap after GC",
                    seconds(local) + " / " + mb(local));
        } finally {
            redis.stop();
        }
    }

    interface Launch {
        Start run() throws Exception;
    }

    private static Start median(Launch launch) throws Exception {
        List<Start> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            starts.add(launch.run());
        }
        starts.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        Start mid = starts.get(STARTS / 2);
        long heap = starts.stream().mapToLong(Start::heapKb).sorted().toArray()[STARTS / 2];
        return new Start(mid.seconds(), heap);
    }

    /** Starts the app in its own JVM, reads its "process running for" time, then its heap after a full GC. */
    private static Start launch(String mainClass, String name, String... args) throws Exception {
        Path dir = TestDataDirs.fresh("bench-cost-" + name);
        Path log = dir.resolve("out.log");
        List<String> command = new ArrayList<>(List.of(
                java("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass,
                "--tandem.data-dir=" + dir.resolve("data")));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        try {
            double seconds = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (seconds < 0 && System.nanoTime() < deadline && process.isAlive()) {
                Matcher started = STARTED.matcher(Files.readString(log));
                if (started.find()) {
                    seconds = Double.parseDouble(started.group(1));
                } else {
                    Thread.sleep(100);
                }
            }
            if (seconds < 0) {
                throw new IllegalStateException(name + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(2_000); // let start-up work (demo loading, first jobs) settle
            jcmd(process.pid(), "GC.run");
            Matcher used = USED.matcher(jcmd(process.pid(), "GC.heap_info"));
            long heap = used.find() ? Long.parseLong(used.group(1)) : -1;
            return new Start(seconds, heap);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String jcmd(long pid, String what) throws Exception {
        Process jcmd = new ProcessBuilder(java("jcmd"), String.valueOf(pid), what)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    private static String seconds(Start s) {
        return String.format(Locale.ROOT, "%.2f s", s.seconds());
    }

    private static String mb(Start s) {
        return String.format(Locale.ROOT, "%.0f MB", s.heapKb() / 1024.0);
    }
}
