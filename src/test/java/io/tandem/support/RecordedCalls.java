package io.tandem.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The calls a fake HTTP server received, oldest first, for tests to read and wait for. Thread-safe: the server's
 * threads {@link #add} while a test {@link #await}s.
 *
 * @param <C> what one call is; its {@code toString()} is how a failed {@link #await} lists it
 */
final class RecordedCalls<C> {

    private final Object monitor = new Object();
    private final List<C> calls = new ArrayList<>(); // guarded by monitor

    /** Records a call and wakes those waiting. */
    void add(C call) {
        synchronized (monitor) {
            calls.add(call);
            monitor.notifyAll();
        }
    }

    /** Every call, oldest first. */
    List<C> all() {
        synchronized (monitor) {
            return List.copyOf(calls);
        }
    }

    /** The calls {@code which} accepts, oldest first. */
    List<C> matching(Predicate<? super C> which) {
        synchronized (monitor) {
            return calls.stream().filter(which).toList();
        }
    }

    /** Forgets every call. */
    void clear() {
        synchronized (monitor) {
            calls.clear();
        }
    }

    /**
     * Waits for {@code count} calls that {@code which} accepts; returns all of them received so far, oldest first
     * (maybe more). Otherwise fails with {@code "Expected <count> <description> within <timeout> but received <n>."}
     * and every call received, or with {@code "interrupted while waiting for <waitingFor>"} (the interrupt flag set).
     */
    List<C> await(Predicate<? super C> which, int count, Duration timeout, String description, String waitingFor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (true) {
                List<C> found = matching(which);
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected " + count + " " + description + " within " + timeout
                            + " but received " + found.size() + ". All calls received (" + calls.size() + "):"
                            + calls.stream().map(c -> "\n  " + c).collect(Collectors.joining()));
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + waitingFor, e);
                }
            }
        }
    }
}
