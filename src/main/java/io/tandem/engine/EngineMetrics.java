package io.tandem.engine;

import java.time.Duration;

/** Port: what the engine reports about each event it handled (Prometheus counts and times them). */
@FunctionalInterface
public interface EngineMetrics {

    EngineMetrics NONE = (platform, command, outcome, took) -> {};

    /**
     * @param command the command or button id ({@code find}, {@code mentoring.request}…), {@code unknown} for
     *                anything else: never free text, so the label set stays small
     * @param outcome {@code ok}, {@code refused}, {@code unavailable} or {@code error}
     */
    void handled(Platform platform, String command, String outcome, Duration took);
}
