package io.tandem.nudges;

import java.time.Instant;

/**
 * Port: daily work another package adds to the {@link Sweeps}. Each implementation runs once a day per workspace,
 * on the one instance that claimed that day's sweep; what it sends goes through the {@link Nudges}, so it reaches
 * people in their working hours. One that fails is logged and does not stop the others.
 */
public interface DailySweep {

    /** Does the day's work of {@code workspace}; {@code now} is when the sweep runs. */
    void run(String workspace, Instant now);
}
