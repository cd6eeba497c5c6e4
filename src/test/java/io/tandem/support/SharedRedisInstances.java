package io.tandem.support;

import io.tandem.TandemApplication;
import io.tandem.engine.ConversationEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import redis.embedded.RedisServer;

/**
 * Several Tandem instances on one real redis-server (on a fresh Redis Cluster in a cluster run, {@link
 * ClusterMode}), as in production: each is a whole application context (its
 * own stores, caches and engine) pointed at the shared Redis with {@code spring.data.redis.url}, so nothing but
 * Redis is shared. No web server and no Quartz: tests drive the engines themselves.
 */
public final class SharedRedisInstances implements AutoCloseable {

    private final AutoCloseable redis;
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private SharedRedisInstances(
            List<Class<?>> sources, WebApplicationType web, String name, int count, String... properties) {
        this(
                ClusterMode.on() ? cluster(RedisClusterForTests.start()) : standalone(),
                sources,
                web,
                name,
                count,
                properties);
    }

    private SharedRedisInstances(
            Target target,
            List<Class<?>> sources,
            WebApplicationType web,
            String name,
            int count,
            String... properties) {
        redis = target.server();
        try {
            for (int i = 0; i < count; i++) {
                List<String> args = new ArrayList<>(List.of(
                        "--tandem.data-dir=" + TestDataDirs.fresh(name + "-" + i),
                        target.property(),
                        "--tandem.demo.enabled=false",
                        "--spring.quartz.auto-startup=false",
                        "--logging.level.root=WARN"));
                args.addAll(List.of(properties));
                instances.add(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                        .web(web)
                        .run(args.toArray(String[]::new)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Where the instances' Redis is: the server the instances share, closed with them, and how they reach it. */
    private record Target(AutoCloseable server, String property) {}

    private static Target standalone() {
        int port = Ports.free();
        try {
            RedisServer server =
                    RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
            server.start();
            return new Target(server::stop, "--spring.data.redis.url=redis://127.0.0.1:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Target cluster(RedisClusterForTests cluster) {
        return new Target(cluster, "--spring.data.redis.cluster.nodes=" + cluster.nodes());
    }

    /**
     * Starts {@code count} instances on a fresh Redis Cluster ({@link RedisClusterForTests}, closed with them),
     * through {@code spring.data.redis.cluster.nodes}.
     */
    public static SharedRedisInstances onCluster(RedisClusterForTests cluster, int count, String... properties) {
        return new SharedRedisInstances(
                cluster(cluster),
                List.of(TandemApplication.class),
                WebApplicationType.NONE,
                "cluster",
                count,
                properties);
    }

    /** As {@link #onCluster}, leaving the cluster running when the instances close (its owner closes it). */
    public static SharedRedisInstances onClusterKeptOpen(
            RedisClusterForTests cluster, int count, String... properties) {
        return new SharedRedisInstances(
                new Target(() -> {}, "--spring.data.redis.cluster.nodes=" + cluster.nodes()),
                List.of(TandemApplication.class),
                WebApplicationType.NONE,
                "cluster",
                count,
                properties);
    }

    /** Starts {@code count} instances with these extra properties ({@code --name=value}). */
    public static SharedRedisInstances start(int count, String... properties) {
        return new SharedRedisInstances(
                List.of(TandemApplication.class), WebApplicationType.NONE, "shared", count, properties);
    }

    /**
     * Starts {@code count} instances of these application sources, with or without a web server, their data
     * directories named after {@code name}.
     */
    public static SharedRedisInstances start(
            List<Class<?>> sources, WebApplicationType web, String name, int count, String... properties) {
        return new SharedRedisInstances(sources, web, name, count, properties);
    }

    public ConfigurableApplicationContext instance(int i) {
        return instances.get(i);
    }

    public ConversationEngine engine(int i) {
        return instances.get(i).getBean(ConversationEngine.class);
    }

    public <T> T bean(int i, Class<T> type) {
        return instances.get(i).getBean(type);
    }

    public StringRedisTemplate redis() {
        return bean(0, StringRedisTemplate.class);
    }

    public int size() {
        return instances.size();
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        try {
            redis.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
