package io.tandem.ops;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, lets an executor finish the work it has taken (commands already acknowledged to Slack, whose answers
 * are still to be sent) before Redis goes. The order of a shutdown (SIGTERM):
 * <ol>
 *   <li>readiness turns to refusing traffic; Quartz stops firing and waits for a running job; Socket Mode
 *       disconnects (phase {@code DEFAULT_PHASE});</li>
 *   <li>the web server stops accepting requests and finishes those under way, while the delivery workers stop
 *       claiming, finish the sends in flight and put back what they had claimed (phase {@code DEFAULT_PHASE - 1024});
 *   </li>
 *   <li>this: work taken by those requests is finished (phase {@code DEFAULT_PHASE - 1536});</li>
 *   <li>the web server stops; then the beans close, the Redis client and, last, the embedded Redis, which saves.</li>
 * </ol>
 */
public final class Draining implements SmartLifecycle {

    /** After the web server's graceful shutdown, before the web server stops. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private static final Logger log = LoggerFactory.getLogger(Draining.class);

    private final String name;
    private final ThreadPoolExecutor executor;
    private final Duration patience;
    private volatile boolean running;

    public Draining(String name, ThreadPoolExecutor executor, Duration patience) {
        this.name = name;
        this.executor = executor;
        this.patience = patience;
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Waits until the executor has nothing queued or running (or the patience runs out). It is not shut down: a
     * context may be stopped and started again (Spring's test contexts are); the bean's destruction shuts it down.
     */
    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + patience.toNanos();
        while (executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) {
            if (System.nanoTime() > deadline) {
                log.warn("{}: work still running after {}s of shutdown", name, patience.toSeconds());
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
