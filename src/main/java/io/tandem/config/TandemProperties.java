package io.tandem.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tandem's settings ({@code tandem.*}); environment variables work too ({@code TANDEM_DATA_DIR}…).
 *
 * @param dataDir where local data lives: the embedded Redis's append-only file
 * @param redis   embedded Redis settings
 * @param demo    the demo organisation loaded into an empty store
 * @param console the local web console
 * @param skills  the skill taxonomy
 * @param delivery how notifications are delivered
 * @param nudges   timed work: reminders, check-ins, tips of the week, and when members may be messaged
 * @param limits   how much one member may send that reaches others
 * @param http     limits on what the platform endpoints accept
 * @param publicUrl where members' browsers reach Tandem (links in invites, exports, charts); unset, the local
 *                  server's own address ({@code http://localhost:<port>})
 * @param leads     programme leads: member ids, or emails matched to members
 * @param programmeChannel  per workspace, the channel for tips of the week and unanswered questions
 * @param programmeLanguage the language of the programme channel's posts ({@code en} or {@code fr})
 * @param requests  mentoring requests
 * @param qa        peer questions
 * @param privacy   what Tandem keeps, and for how long
 */
@ConfigurationProperties("tandem")
public record TandemProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Redis redis,
        @DefaultValue Demo demo,
        @DefaultValue Console console,
        @DefaultValue Skills skills,
        @DefaultValue Delivery delivery,
        @DefaultValue Nudges nudges,
        @DefaultValue Limits limits,
        @DefaultValue Http http,
        String publicUrl,
        List<String> leads,
        List<String> programmeChannel,
        @DefaultValue("en") String programmeLanguage,
        @DefaultValue Requests requests,
        @DefaultValue Qa qa,
        @DefaultValue Privacy privacy) {

    public TandemProperties {
        leads = leads == null ? List.of() : List.copyOf(leads);
        programmeChannel = programmeChannel == null ? List.of() : List.copyOf(programmeChannel);
    }

    /** @param expireAfter how long a request waits for an answer before it expires (a lead may change it) */
    public record Requests(@DefaultValue("5d") Duration expireAfter) {}

    /**
     * @param expertsPerQuestion how many colleagues a question is sent to
     * @param escalateAfter      how long a question waits before it goes further (a lead may change it)
     */
    public record Qa(
            @DefaultValue("3") int expertsPerQuestion,
            @DefaultValue("48h") Duration escalateAfter) {}

    /** @param noteRetention delete check-in notes older than this; unset, they are kept */
    public record Privacy(Duration noteRetention) {}

    /** @param embeddedPort port of the embedded Redis; 0 picks a free one */
    public record Redis(@DefaultValue("0") int embeddedPort) {}

    /**
     * @param enabled load a demo organisation when the store is empty
     * @param members 0 for the realistic 30-person organisation; N for a synthetic one of N members
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") int members) {}

    /**
     * @param enabled    serve the web console at {@code /} and its API at {@code /api/console}; unset (null), only in
     *                   pure local mode (no Slack, no Teams credentials, no external Redis)
     * @param timeTravel let the console move the clock forward ({@code POST /api/console/clock}); local mode only
     */
    public record Console(
            Boolean enabled, @DefaultValue("false") boolean timeTravel) {}

    /**
     * @param maxBody the largest request body {@code /slack/events} and {@code /api/messages} accept; larger is a 413
     *                before it is read (Slack's and Teams' payloads are a few kilobytes)
     */
    public record Http(@DefaultValue("1MB") DataSize maxBody) {}

    /** @param file an operator's taxonomy file adding or replacing skills (same format as the built-in one) */
    public record Skills(String file) {}

    /**
     * What one member may send that reaches others (requests, questions, answers, tips, reports), counted across
     * every instance.
     *
     * @param notifyPerHour     sends in any hour
     * @param notifyBurst       sends in any burst window
     * @param notifyBurstWindow the burst window
     */
    public record Limits(
            @DefaultValue("30") int notifyPerHour,
            @DefaultValue("10") int notifyBurst,
            @DefaultValue("1m") Duration notifyBurstWindow) {}

    /**
     * @param batchSize    deliveries claimed at once per platform
     * @param lease        how long a claimed delivery is reserved before another worker may take it
     * @param pollInterval how often an idle worker looks for due deliveries
     * @param maxAttempts  failed attempts (not counting rate limits) before giving up and recording the failure
     * @param threads      concurrent sends per platform
     */
    public record Delivery(
            @DefaultValue("20") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("8") int threads) {}

    /**
     * @param reminders      how long before a session its reminders go out
     * @param checkInAfter   how long after a session ends its check-in prompt goes out
     * @param tipDay         the day of the tip of the week, in each member's timezone
     * @param tipTime        the time of the tip of the week, in each member's timezone
     * @param workdayStart   nothing reaches a member before this time of their day
     * @param workdayEnd     nor after this one
     * @param workingDays    nor on other days
     * @param inactiveAfter  a pair without a session for this long is asked to plan the next one
     * @param pollInterval   how often due nudges are looked for
     * @param sweepInterval  how often expiries, escalations and weekly work are looked for
     * @param lease          how long a claimed nudge is reserved; if its instance dies, another sends it after this
     */
    public record Nudges(
            @DefaultValue({"24h", "1h"}) List<Duration> reminders,
            @DefaultValue("1h") Duration checkInAfter,
            @DefaultValue("MONDAY") DayOfWeek tipDay,
            @DefaultValue("09:00") LocalTime tipTime,
            @DefaultValue("09:00") LocalTime workdayStart,
            @DefaultValue("18:00") LocalTime workdayEnd,

            @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"})
            Set<DayOfWeek> workingDays,

            @DefaultValue("21d") Duration inactiveAfter,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("5m") Duration sweepInterval,
            @DefaultValue("2m") Duration lease) {}
}
