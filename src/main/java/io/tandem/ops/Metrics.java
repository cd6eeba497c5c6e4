package io.tandem.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tandem.engine.EngineMetrics;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.nudges.NudgeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tandem's own metrics: {@code tandem_commands_seconds} (a histogram, by platform, command and outcome),
 * {@code tandem_notifications_total} (by platform and outcome: delivered, failed, retried, rate_limited, paced),
 * {@code tandem_nudges_due} (nudges waiting) and {@code tandem_nudges_oldest_due_age_seconds} (how late the most
 * overdue one is: what to alert on when the jobs stop).
 */
@Configuration(proxyBeanMethods = false)
class Metrics {

    @Bean
    EngineMetrics engineMetrics(MeterRegistry registry) {
        return (platform, command, outcome, took) -> Timer.builder("tandem.commands")
                .description("Events handled by the engine")
                .publishPercentileHistogram()
                .tag("platform", platform.id())
                .tag("command", command)
                .tag("outcome", outcome)
                .register(registry)
                .record(took);
    }

    @Bean
    Gauge nudgesDue(MeterRegistry registry, NudgeStore nudges) {
        return Gauge.builder("tandem.nudges.due", nudges, n -> safely(n::depth))
                .description("Nudges waiting, due or not")
                .register(registry);
    }

    @Bean
    Gauge oldestDueNudge(MeterRegistry registry, NudgeStore nudges, Clock clock) {
        return Gauge.builder(
                        "tandem.nudges.oldest.due.age",
                        nudges,
                        n -> safely(() -> n.oldestDue()
                                .map(due -> Math.max(
                                        0,
                                        Duration.between(due, clock.instant()).toMillis() / 1000.0))
                                .orElse(0.0)))
                .baseUnit("seconds")
                .description("How overdue the earliest nudge is (0 when none is)")
                .register(registry);
    }

    private static double safely(Supplier<? extends Number> value) {
        try {
            return value.get().doubleValue();
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }
}
