package io.tandem.support;

/**
 * Whether this test run puts Tandem on a Redis Cluster: the Maven build's {@code cluster} test execution sets
 * {@code tandem.test.redis=cluster} and runs the mentoring, nudge, delivery and privacy scenarios again on a real
 * 3+3 cluster ({@link RedisClusterForTests}); the {@link EngineTest} contexts share one for the whole run.
 */
public final class ClusterMode {

    private static RedisClusterForTests shared;

    private ClusterMode() {}

    public static boolean on() {
        return "cluster".equals(System.getProperty("tandem.test.redis"));
    }

    /** The cluster of this run, started the first time it is asked for, stopped when the JVM exits. */
    public static synchronized RedisClusterForTests shared() {
        if (shared == null) {
            shared = RedisClusterForTests.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-cluster-stop"));
        }
        return shared;
    }
}
