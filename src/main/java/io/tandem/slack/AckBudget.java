package io.tandem.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's 3-second acknowledgement: work runs on a bounded pool and gets {@code budget} to answer in the
 * acknowledgement itself; past that, its answer follows when it comes.
 */
final class AckBudget {

    private static final Logger log = LoggerFactory.getLogger(AckBudget.class);

    private final ExecutorService executor;
    private final Duration budget;
    private final EventRetries retries;

    AckBudget(ExecutorService executor, Duration budget, EventRetries retries) {
        this.executor = executor;
        this.budget = budget;
        this.retries = retries;
    }

    /**
     * Runs {@code work} on the pool and waits up to the budget: the result if it came in time, else empty, and
     * {@code later} gets the result when it comes.
     */
    <T> Optional<T> within(Supplier<T> work, Consumer<T> later) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(work, executor);
        try {
            return Optional.of(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.thenAccept(later).exceptionally(failure -> {
                log.error("A slow Slack answer failed", failure);
                return null;
            });
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.thenAccept(later);
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs an event's work after the acknowledgement. When the pool is full the event is not acknowledged
     * (503) and forgotten by the guard, so that Slack's retry is handled: nothing is dropped.
     */
    Response submit(EventsApiPayload<?> payload, EventContext ctx, Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("Handling a Slack event failed", e);
                }
            });
            return ctx.ack();
        } catch (RejectedExecutionException e) {
            log.warn("Slack event {} refused: Tandem is busy; Slack will send it again", payload.getEventId());
            retries.forget(payload);
            return Response.builder().statusCode(503).build();
        }
    }
}
