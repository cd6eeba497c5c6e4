package io.tandem.sessions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads when a session starts, how long it lasts and what it is about, from what a member types after
 * {@code /mentor schedule @person}: {@code <when> [duration] [topic]}. English and French, case- and
 * accent-insensitive ({@code Après-Demain À 15H} reads like {@code apres-demain a 15h}).
 *
 * <h2>When</h2>
 * <ul>
 *   <li><b>A date and a time</b>: {@code 2026-12-03 15:00}, {@code 2026-12-03T15:00}, {@code 2026-12-03 15h30},
 *       {@code 03/12/2026 15:00} (day/month/year). A date without a year ({@code 12/03}) is ambiguous between
 *       French and American order and is refused as {@link Problem#UNREADABLE}.</li>
 *   <li><b>A relative day and a time</b>: {@code today}, {@code tomorrow}, {@code day after tomorrow},
 *       {@code aujourd'hui}, {@code demain}, {@code après-demain}; e.g. {@code tomorrow at 9:30},
 *       {@code demain à 9h30}.</li>
 *   <li><b>A weekday and a time</b>, full or short, English or French ({@code thu}, {@code thursday},
 *       {@code jeu}, {@code jeudi}), optionally after {@code on}/{@code le}/{@code this}/{@code ce}: the next such
 *       day; today's name means today if the time is still ahead, otherwise the same day next week. With
 *       {@code next monday}, {@code lundi prochain} it is the next such day strictly after today.</li>
 *   <li><b>In N days and a time</b>: {@code in 2 days 10am}, {@code dans 3 jours 14h} (also weeks/semaines; N in
 *       digits, up to four, or a word: one..seven, un/une..sept, a/an).</li>
 *   <li><b>In an amount of time</b>, no time needed: {@code in 2 hours}, {@code dans 2 heures},
 *       {@code in 30 minutes}, {@code dans 1h30}; the start is now plus that amount, to the minute.</li>
 *   <li><b>A time alone</b> means today ({@code 15:00}; refused as in the past once gone), and a time may also
 *       come before its day ({@code 3pm tomorrow}, {@code 9h30 jeudi}).</li>
 * </ul>
 * Times: {@code 15:00}, {@code 9:30}, {@code 15h}, {@code 15h30}, {@code 15 h 30}, {@code 3pm}, {@code 3:30pm},
 * {@code 10 am}, {@code noon}/{@code midi} (12:00). {@code midnight}/{@code minuit} and {@code 9.30} are not
 * supported. A day with no time is refused as {@link Problem#NO_TIME}.
 *
 * <h2>Duration and topic</h2>
 * After the when comes an optional duration in the syntax of {@link #duration(String)}, optionally after
 * {@code for}/{@code pendant}/{@code durée}; {@link #DEFAULT_DURATION} when absent. It must be more than zero
 * ({@link Problem#UNREADABLE}) and at most {@link #MAX_DURATION} ({@link Problem#TOO_LONG}). The rest of the text,
 * trimmed and as typed, is the topic (possibly empty).
 *
 * <h2>Time zone and daylight saving</h2>
 * Everything is read in the zone given to {@link #parse}: "today", "tomorrow" and weekdays are the days there,
 * and the wall-clock time is resolved with {@code ZonedDateTime.ofLocal(localDateTime, zone, null)}. So a time
 * that does not exist because clocks spring forward (02:30 in Paris on 2027-03-28) moves forward by the length of
 * the gap (03:30, summer time), and a time that happens twice because clocks fall back (02:30 in Paris on
 * 2026-10-25) takes the earlier offset (the first 02:30, still summer time). A start before the clock's instant is
 * refused as {@link Problem#IN_THE_PAST}, with the start formatted {@code yyyy-MM-dd HH:mm} in that zone.
 *
 * <p>{@link #parse} never throws: null, empty, garbage or absurd input gives a {@link Failed}.
 */
public final class WhenParser {

    /** How long a session lasts when the member gives no duration. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(45);
    /** The longest session one may schedule. */
    public static final Duration MAX_DURATION = Duration.ofHours(8);

    /** What a schedule line gave: a when, an optional duration and a topic. */
    public sealed interface Result permits Parsed, Failed {}

    /** A readable schedule: the start in the scheduler's zone, the duration, and the topic ({@code ""} if none). */
    public record Parsed(ZonedDateTime start, Duration duration, String topic) implements Result {}

    /** Why the line could not be read, with a detail to show back (the words not read, or the past start). */
    public record Failed(Problem problem, String detail) implements Result {}

    /** Why a schedule line was refused. */
    public enum Problem {
        /** Some words are not a when or a duration this parser knows (detail: those words). */
        UNREADABLE,
        /** The start is before now (detail: the start, {@code yyyy-MM-dd HH:mm}). */
        IN_THE_PAST,
        /** The duration is longer than {@link #MAX_DURATION} (detail: the duration as typed). */
        TOO_LONG,
        /** A day was given without a time (detail: the day as typed). */
        NO_TIME
    }

    private static final int DETAIL_MAX = 60;

    private final Clock clock;

    public WhenParser(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Parses the start of {@code text} (after the person was removed): when, then an optional duration, the rest
     * is the topic. Never throws.
     */
    public Result parse(String text, ZoneId zone) {
        String input = text == null ? "" : text;
        if (zone == null) {
            return new Failed(Problem.UNREADABLE, "no time zone");
        }
        try {
            return new WhenReading(input, zone, clock.instant()).read();
        } catch (Refusal refusal) {
            return new Failed(refusal.problem, abbreviated(refusal.detail));
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return new Failed(Problem.UNREADABLE, abbreviated(input.strip()));
        }
    }

    /**
     * Parses a duration alone, e.g. {@code 45m}, {@code 1h}, {@code 1h30}, {@code 90min}, {@code 1 h 30},
     * {@code 2h}, {@code 2 hours}, {@code 1 heure 30}, {@code 30 minutes}; empty if not one. Bare minutes after
     * hours take two digits ({@code 1h05}) and are under 60. Zero is a duration ({@code 0m}); the limits are
     * checked by {@link #parse}.
     */
    public static Optional<Duration> duration(String text) {
        if (text == null) {
            return Optional.empty();
        }
        List<WhenTokens.Token> tokens = WhenTokens.tokenize(text);
        if (tokens.isEmpty() || tokens.size() > WhenTimes.DURATION_MAX_WORDS) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (WhenTokens.Token token : tokens) {
            words.add(token.norm());
        }
        return WhenTimes.durationOf(String.join(" ", words));
    }

    private static String abbreviated(String detail) {
        String text = detail == null ? "" : detail;
        if (text.length() <= DETAIL_MAX) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(DETAIL_MAX - 2)) ? DETAIL_MAX - 2 : DETAIL_MAX - 1;
        return text.substring(0, cut) + "…";
    }

    /** Internal early exit; {@link #parse} turns it into a {@link Failed}. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final String detail;

        Refusal(Problem problem, String detail) {
            super(null, null, false, false);
            this.problem = problem;
            this.detail = detail;
        }
    }
}
