package io.tandem.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.tandem.config.TandemProperties;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.ops.Draining;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes due deliveries off the queue, one loop per platform, and sends each with the platform's {@link Sender}
 * on a small pool, claiming only as many as it has free threads. On shutdown it stops claiming, lets in-flight
 * sends finish, and puts back what it had claimed but not sent, so another instance (or the next start) delivers it.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(14);

    private final DeliveryQueue queue;
    private final List<Sender> senders;
    private final Clock clock;
    private final TandemProperties.Delivery settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> loops = new ArrayList<>();
    private ExecutorService pool;
    /** Renews the leases of the sends under way, so that a slow send is not claimed again by another instance. */
    private ScheduledExecutorService renewer;

    private volatile long stopDeadline;

    private final MeterRegistry meters;

    public DeliveryWorker(
            DeliveryQueue queue,
            ObjectProvider<Sender> senders,
            Clock clock,
            TandemProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(CompositeMeterRegistry::new);
        this.queue = queue;
        this.senders = senders.orderedStream().toList();
        this.clock = clock;
        this.settings = properties.delivery();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true) || senders.isEmpty()) {
            return;
        }
        pool = Executors.newFixedThreadPool(settings.threads() * senders.size(), named("tandem-send"));
        renewer = Executors.newSingleThreadScheduledExecutor(named("tandem-lease"));
        for (Sender sender : senders) {
            Thread loop = new Thread(
                    () -> loop(sender), "tandem-delivery-" + sender.platform().id());
            loop.setDaemon(true);
            loops.add(loop);
            loop.start();
        }
    }

    @Override
    public void stop() {
        // not interrupted: a loop in the middle of a Redis call or a send finishes it, then sees it must stop;
        // within the shutdown phase's time (spring.lifecycle.timeout-per-shutdown-phase), all loops together
        long deadline = System.nanoTime() + Math.min(settings.lease().toNanos(), STOP_PATIENCE.toNanos());
        stopDeadline = deadline;
        if (!running.compareAndSet(true, false)) {
            return;
        }
        for (Thread loop : loops) {
            try {
                loop.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loops.clear();
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /** Stop with the web server's graceful shutdown, long before Redis goes ({@link Draining}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop(Sender sender) {
        // a permit per sending thread of this platform: deliveries are claimed only when a thread is free to send
        // them, so none waits leased in a queue of the pool, and a thread never idles behind a slow send
        Semaphore free = new Semaphore(settings.threads());
        while (running.get()) {
            int wanted = 0;
            try {
                free.acquire();
                if (!running.get()) {
                    free.release();
                    break;
                }
                wanted = 1;
                while (wanted < settings.batchSize() && free.tryAcquire()) {
                    wanted++;
                }
                List<Delivery> batch = queue.claim(sender.platform(), wanted, settings.lease());
                free.release(wanted - batch.size());
                wanted = 0;
                if (batch.isEmpty()) {
                    sleep(settings.pollInterval());
                    continue;
                }
                for (Delivery delivery : batch) {
                    send(sender, delivery, free);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (StoreUnavailableException e) {
                free.release(wanted);
                log.warn("Delivery queue unavailable, retrying shortly: {}", e.getMessage());
                sleep(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                free.release(wanted);
                log.error(
                        "Delivery loop for {} failed; continuing",
                        sender.platform().id(),
                        e);
                sleep(Duration.ofSeconds(1));
            }
        }
        // the sends under way finish and say how they went (within the shutdown's patience)
        try {
            free.tryAcquire(settings.threads(), Math.max(0, stopDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Sender sender, Delivery delivery, Semaphore free) {
        try {
            pool.execute(() -> {
                try {
                    deliver(sender, delivery);
                } catch (RuntimeException e) {
                    // its lease runs out and it is claimed again, in doubt: late, never lost
                    log.warn(
                            "Could not record how a {} delivery went: {}",
                            sender.platform().id(),
                            e.toString());
                } finally {
                    free.release();
                }
            });
        } catch (RejectedExecutionException e) {
            free.release();
            queue.retry(delivery, clock.instant(), false);
        }
    }

    void deliver(Sender sender, Delivery delivery) {
        if (!running.get()) {
            // shutting down before this send started: hand it back for another instance (or the next start)
            queue.retry(delivery, clock.instant(), false);
            return;
        }
        // still ours? a claim that waited for a thread past its lease may have been taken over by another instance
        if (delivery.fence() != 0 && !queue.renew(delivery, settings.lease())) {
            log.info(
                    "A {} delivery's lease ran out before it was sent; another instance has it",
                    delivery.notification().kind());
            return;
        }
        Future<?> renewing = renewing(delivery);
        SendResult result;
        try {
            result = sender.send(delivery);
        } catch (RuntimeException e) {
            result = new SendResult.Retry(null, e.toString(), false);
        } finally {
            renewing.cancel(false);
        }
        apply(delivery, result);
    }

    /** Renews the lease every third of it while the send lasts (a slow platform, a pause of this JVM). */
    private Future<?> renewing(Delivery delivery) {
        long every = Math.max(1, settings.lease().toMillis() / 3);
        if (renewer == null || delivery.fence() == 0) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            return renewer.scheduleAtFixedRate(
                    () -> {
                        try {
                            if (!queue.renew(delivery, settings.lease())) {
                                log.warn(
                                        "Lost the lease of a {} delivery while sending it; its outcome will not count",
                                        delivery.notification().kind());
                                throw new CancellationException("lease lost");
                            }
                        } catch (StoreUnavailableException e) {
                            log.warn("Could not renew a delivery's lease: {}", e.getMessage());
                        }
                    },
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private void apply(Delivery delivery, SendResult result) {
        boolean givesUp = result instanceof SendResult.Retry r
                && !r.throttled()
                && delivery.attempts() + 1 >= settings.maxAttempts();
        count(delivery, givesUp ? "failed" : outcome(result));
        if (result instanceof SendResult.Delivered) {
            queue.done(delivery);
        } else if (result instanceof SendResult.Failed failed) {
            log.warn(
                    "Could not deliver a {} notification to {}: {}",
                    delivery.notification().kind(),
                    delivery.notification().recipient(),
                    failed.reason());
            giveUp(delivery, failed.reason());
        } else if (result instanceof SendResult.Retry retry) {
            if (!retry.throttled() && delivery.attempts() + 1 >= settings.maxAttempts()) {
                giveUp(delivery, "gave up after " + settings.maxAttempts() + " attempts: " + retry.reason());
            } else {
                queue.retry(
                        delivery,
                        retry.at() != null ? retry.at() : Backoff.after(clock.instant(), delivery.attempts()),
                        !retry.throttled());
            }
        }
    }

    /**
     * delivered, failed, retried (an error, or Redis away), rate_limited (a platform's 429) or paced (Tandem's own
     * pacing).
     */
    private static String outcome(SendResult result) {
        if (result instanceof SendResult.Delivered) {
            return "delivered";
        }
        if (result instanceof SendResult.Retry retry) {
            if (!retry.throttled() || SendResult.STORE_UNAVAILABLE.equals(retry.reason())) {
                return "retried";
            }
            return retry.reason() != null && retry.reason().startsWith("rate limited") ? "rate_limited" : "paced";
        }
        return "failed";
    }

    private void count(Delivery delivery, String outcome) {
        meters.counter(
                        "tandem.notifications",
                        "platform",
                        delivery.notification().recipient().platform().id(),
                        "outcome",
                        outcome)
                .increment();
    }

    /** Records the failure, and tells whoever caused the notification that it could not reach its recipient. */
    private void giveUp(Delivery delivery, String reason) {
        queue.failed(delivery, reason);
        delivery.notification().undeliveredNotice().ifPresent(queue::enqueue);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
