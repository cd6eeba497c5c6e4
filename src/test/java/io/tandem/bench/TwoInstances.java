package io.tandem.bench;

import io.tandem.TandemApplication;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.Ports;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;

/**
 * Two Tandem instances on one redis-server, as the fan-out benchmarks run them: each a whole application (web
 * server on a free port, no Quartz, no demo) with its own data directory, sharing only Redis; both deliver.
 */
final class TwoInstances implements AutoCloseable {

    private final RedisServer redis;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private TwoInstances(List<Class<?>> sources, String name, String... more) {
        int port = Ports.free();
        try {
            redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            for (String instance : List.of("a", "b")) {
                List<String> args = new ArrayList<>(List.of(
                        "--server.port=0",
                        "--tandem.data-dir=" + TestDataDirs.fresh(name + "-" + instance),
                        "--spring.data.redis.url=redis://127.0.0.1:" + port,
                        "--tandem.demo.enabled=false",
                        "--spring.quartz.auto-startup=false",
                        "--logging.level.root=WARN",
                        // what Tandem learns from each 429
                        "--logging.level.io.tandem.delivery.Pacing=INFO"));
                args.addAll(List.of(more));
                instances.add(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                        .run(args.toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Two instances of these application sources, with these extra properties ({@code --name=value}). */
    static TwoInstances start(List<Class<?>> sources, String name, String... more) {
        return new TwoInstances(sources, name, more);
    }

    /** Two instances that talk to {@code slack}'s Web API, paced to {@code workspaceRate} (0: learnt from 429s). */
    static TwoInstances slack(String name, FakeSlackApi slack, int workspaceRate, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--tandem.slack.bot-token=xoxb-bench",
                "--tandem.slack.signing-secret=bench",
                "--tandem.slack.api-url=" + slack.apiUrl(),
                "--tandem.slack.workspace-rate=" + workspaceRate));
        args.addAll(List.of(more));
        return start(List.of(TandemApplication.class), name, args.toArray(String[]::new));
    }

    <T> T bean(int instance, Class<T> type) {
        return instances.get(instance).getBean(type);
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        try {
            redis.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
