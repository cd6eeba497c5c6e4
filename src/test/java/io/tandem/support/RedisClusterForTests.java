package io.tandem.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.embedded.RedisServer;

/**
 * A real Redis Cluster on this machine: three primaries and three replicas, each a {@code redis-server} (the one
 * {@code embedded-redis} ships) on a free port with {@code cluster-enabled yes}, the 16,384 slots split in three
 * even ranges as {@code redis-cli --cluster create} does, each replica following one primary. Tandem reaches it
 * through {@code spring.data.redis.cluster.nodes}, as an operator's cluster.
 */
public final class RedisClusterForTests implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int SLOTS = 16384;
    private static final Duration NODE_TIMEOUT = Duration.ofMillis(1500);

    private final List<Integer> ports = new ArrayList<>();
    private final Map<Integer, RedisServer> servers = new ConcurrentHashMap<>();
    private final RedisClient client = RedisClient.create();

    private RedisClusterForTests() {}

    /** Starts the six nodes and waits until the cluster says {@code cluster_state:ok} on every one. */
    public static RedisClusterForTests start() {
        RedisClusterForTests cluster = new RedisClusterForTests();
        try {
            cluster.launch();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void launch() {
        Path dir = TestDataDirs.fresh("cluster");
        for (int i = 0; i < 6; i++) {
            int port = Ports.free();
            ports.add(port);
            Path nodeDir = dir.resolve(String.valueOf(port));
            try {
                java.nio.file.Files.createDirectories(nodeDir);
                RedisServer server = RedisServer.newRedisServer()
                        .port(port)
                        .bind(HOST)
                        .setting("dir " + nodeDir)
                        .setting("cluster-enabled yes")
                        .setting("cluster-config-file nodes.conf")
                        .setting("cluster-node-timeout " + NODE_TIMEOUT.toMillis())
                        .setting("appendonly no")
                        .setting("save \"\"")
                        .build();
                server.start();
                servers.put(port, server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (int p = 0; p < 3; p++) {
            int from = SLOTS * p / 3;
            int to = SLOTS * (p + 1) / 3;
            int[] slots = IntStream.range(from, to).toArray();
            run(ports.get(p), c -> c.clusterAddSlots(slots));
        }
        for (int i = 1; i < 6; i++) {
            int other = ports.get(i);
            run(ports.get(0), c -> c.clusterMeet(HOST, other));
        }
        await(
                "every node knows the other five",
                () -> ports.stream()
                        .allMatch(port ->
                                call(port, c -> c.clusterNodes()).lines().count() == 6));
        for (int r = 0; r < 3; r++) {
            String primary = call(ports.get(r), RedisCommands::clusterMyId);
            run(ports.get(r + 3), c -> c.clusterReplicate(primary));
        }
        await(
                "the cluster is ok on every node, with three replicas in sync",
                () -> ports.stream()
                                .allMatch(port ->
                                        call(port, RedisCommands::clusterInfo).contains("cluster_state:ok"))
                        && replicasInSync() == 3);
    }

    private long replicasInSync() {
        return ports.subList(3, 6).stream()
                .filter(port -> call(port, RedisCommands::info).contains("master_link_status:up"))
                .count();
    }

    /** {@code host:port,host:port,…}: the value of {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return ports.stream().map(p -> HOST + ":" + p).collect(Collectors.joining(","));
    }

    /** The port of the primary that serves {@code key} now. */
    public int primaryOf(String key) {
        for (int port : servers.keySet()) {
            String role = tryCall(port, c -> c.info("replication"));
            if (role != null && role.contains("role:master")) {
                long slot = call(port, c -> c.clusterKeyslot(key));
                String nodes = call(port, RedisCommands::clusterNodes);
                for (String line : nodes.lines().toList()) {
                    if (line.contains("myself") && servesSlot(line, slot)) {
                        return port;
                    }
                }
            }
        }
        throw new IllegalStateException("No primary serves " + key);
    }

    private static boolean servesSlot(String nodesLine, long slot) {
        String[] parts = nodesLine.split(" ");
        for (int i = 8; i < parts.length; i++) {
            String[] range = parts[i].split("-");
            if (range[0].startsWith("[")) {
                continue;
            }
            long from = Long.parseLong(range[0]);
            long to = range.length > 1 ? Long.parseLong(range[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }

    /** Kills the node on {@code port} at once, as a crash would (no save, no goodbye to the others). */
    public void kill(int port) {
        RedisServer server = servers.remove(port);
        if (server != null) {
            tryCall(port, c -> {
                c.getStatefulConnection().async().shutdown(false);
                return null;
            });
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Waits until three nodes still running are primaries (a replica took over from a killed one) and every node
     * still running says {@code cluster_state:ok}.
     */
    public void awaitHealthy(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (primaries().size() == 3
                    && servers.keySet().stream().allMatch(port -> {
                        String info = tryCall(port, RedisCommands::clusterInfo);
                        return info != null && info.contains("cluster_state:ok");
                    })) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("The cluster did not recover within " + patience);
    }

    /** Of these script digests, those some node of the cluster has run (its script cache holds them). */
    public java.util.Set<String> scriptsRun(List<String> sha1s) {
        java.util.Set<String> run = new java.util.HashSet<>();
        for (int port : servers.keySet()) {
            List<Boolean> exists = call(port, c -> c.scriptExists(sha1s.toArray(String[]::new)));
            for (int i = 0; i < sha1s.size(); i++) {
                if (Boolean.TRUE.equals(exists.get(i))) {
                    run.add(sha1s.get(i));
                }
            }
        }
        return run;
    }

    /** The ports of the primaries now. */
    public List<Integer> primaries() {
        return servers.keySet().stream()
                .filter(port -> {
                    String info = tryCall(port, c -> c.info("replication"));
                    return info != null && info.contains("role:master");
                })
                .sorted()
                .toList();
    }

    private void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The test cluster did not come up: waiting for " + what);
            }
            sleep(100);
        }
    }

    private void run(int port, java.util.function.Consumer<RedisCommands<String, String>> command) {
        call(port, c -> {
            command.accept(c);
            return null;
        });
    }

    private <T> T call(int port, java.util.function.Function<RedisCommands<String, String>, T> command) {
        try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(HOST, port))) {
            return command.apply(connection.sync());
        }
    }

    private <T> T tryCall(int port, java.util.function.Function<RedisCommands<String, String>, T> command) {
        try {
            return call(port, command);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (int port : List.copyOf(servers.keySet())) {
            kill(port);
        }
        client.shutdown();
    }
}
