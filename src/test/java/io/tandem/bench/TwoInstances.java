package io.tandem.bench;

import io.tandem.TandemApplication;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SharedRedisInstances;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;

/**
 * Two Tandem instances on one redis-server, as the fan-out benchmarks run them: each a whole application (web
 * server on a free port, no Quartz, no demo) with its own data directory, sharing only Redis; both deliver.
 */
final class TwoInstances implements AutoCloseable {

    private final SharedRedisInstances instances;

    private TwoInstances(List<Class<?>> sources, String name, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // what Tandem learns from each 429
                "--logging.level.io.tandem.delivery.Pacing=INFO"));
        args.addAll(List.of(more));
        instances =
                SharedRedisInstances.start(sources, WebApplicationType.SERVLET, name, 2, args.toArray(String[]::new));
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
        return instances.bean(instance, type);
    }

    @Override
    public void close() {
        instances.close();
    }
}
