package io.tandem.sessions;

import io.tandem.sessions.WhenParser.Problem;
import io.tandem.sessions.WhenParser.Refusal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day ({@code 15:00}, {@code 15h30}, {@code 3pm}, {@code noon}) and durations ({@code 1h30},
 * {@code 45 min}) in the words of a schedule line.
 */
final class WhenTimes {

    /** The most words a duration takes ({@code 1 heure 30 minutes}). */
    static final int DURATION_MAX_WORDS = 4;

    private static final String HOUR_UNIT = "(?:h|hr|hrs|hour|hours|heure|heures)";
    private static final String MINUTE_UNIT = "(?:m|mn|min|mins|minute|minutes)";
    /** Hours with optional minutes (two digits when bare: {@code 1h30}, {@code 1 h 30}), or minutes alone. */
    private static final Pattern DURATION = Pattern.compile("(\\d{1,3}) ?" + HOUR_UNIT + "(?: ?(\\d{2})| ?(\\d{1,2}) ?"
            + MINUTE_UNIT + ")?|(\\d{1,4}) ?" + MINUTE_UNIT);

    private static final String MERIDIEM = "[ap]\\.?m\\.?";
    private static final Pattern MERIDIEM_WORD = Pattern.compile(MERIDIEM);
    private static final Pattern COLON_TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(" + MERIDIEM + ")?");
    private static final Pattern FRENCH_TIME = Pattern.compile("(\\d{1,2})h(\\d{2})?");
    private static final Pattern MERIDIEM_TIME = Pattern.compile("(\\d{1,2})(" + MERIDIEM + ")");
    private static final Pattern HOUR_OR_COLON = Pattern.compile("\\d{1,2}(?::\\d{2})?");
    private static final Pattern HOUR = Pattern.compile("\\d{1,2}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");

    record TimeRead(LocalTime time, int next) {}

    record DurationRead(Duration duration, int from, int next) {}

    private final WhenTokens tokens;
    private final int n;

    WhenTimes(WhenTokens tokens) {
        this.tokens = tokens;
        this.n = tokens.size();
    }

    static Optional<Duration> durationOf(String normalized) {
        Matcher m = DURATION.matcher(normalized);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(4) != null) {
            return Optional.of(Duration.ofMinutes(Long.parseLong(m.group(4))));
        }
        String minutes = m.group(2) != null ? m.group(2) : m.group(3);
        long min = minutes == null ? 0 : Long.parseLong(minutes);
        if (min >= 60) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofHours(Long.parseLong(m.group(1))).plusMinutes(min));
    }

    /** A time at {@code i}, or null; refuses a time-shaped word that is no time (25:00, 13pm). */
    TimeRead readTime(int i) {
        if (i >= n) {
            return null;
        }
        String w = tokens.norm(i);
        if (i + 1 < n
                && HOUR_OR_COLON.matcher(w).matches()
                && MERIDIEM_WORD.matcher(tokens.norm(i + 1)).matches()) {
            return new TimeRead(singleTime(w + tokens.norm(i + 1), i, i + 2), i + 2);
        }
        if (i + 1 < n && HOUR.matcher(w).matches() && WhenWords.HOUR_WORDS.contains(tokens.norm(i + 1))) {
            boolean minutes =
                    i + 2 < n && TWO_DIGITS.matcher(tokens.norm(i + 2)).matches();
            int next = minutes ? i + 3 : i + 2;
            return new TimeRead(clockTime(w, minutes ? tokens.norm(i + 2) : "0", null, i, next), next);
        }
        LocalTime time = singleTime(w, i, i + 1);
        return time == null ? null : new TimeRead(time, i + 1);
    }

    /** One word as a time, or null if it is not one; refuses a time-shaped word that is no time. */
    LocalTime singleTime(String w, int from, int to) {
        if (WhenWords.NOON.contains(w)) {
            return LocalTime.NOON;
        }
        Matcher m = COLON_TIME.matcher(w);
        if (m.matches()) {
            return clockTime(m.group(1), m.group(2), m.group(3), from, to);
        }
        m = FRENCH_TIME.matcher(w);
        if (m.matches()) {
            return clockTime(m.group(1), m.group(2) == null ? "0" : m.group(2), null, from, to);
        }
        m = MERIDIEM_TIME.matcher(w);
        if (m.matches()) {
            return clockTime(m.group(1), "0", m.group(2), from, to);
        }
        return null;
    }

    private LocalTime clockTime(String hours, String minutes, String meridiem, int from, int to) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        if (meridiem != null) {
            if (h < 1 || h > 12) {
                throw new Refusal(Problem.UNREADABLE, tokens.raw(from, to));
            }
            h = h % 12 + (meridiem.startsWith("p") ? 12 : 0);
        }
        if (h > 23 || m > 59) {
            throw new Refusal(Problem.UNREADABLE, tokens.raw(from, to));
        }
        return LocalTime.of(h, m);
    }

    DurationRead readDuration(int i) {
        for (int size = Math.min(DURATION_MAX_WORDS, n - i); size >= 1; size--) {
            List<String> words = new ArrayList<>();
            for (int j = i; j < i + size; j++) {
                words.add(tokens.norm(j));
            }
            Optional<Duration> duration = durationOf(String.join(" ", words));
            if (duration.isPresent()) {
                return new DurationRead(duration.get(), i, i + size);
            }
        }
        return null;
    }
}
