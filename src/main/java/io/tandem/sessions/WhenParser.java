package io.tandem.sessions;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final int DETAIL_MAX = 60;
    private static final int DURATION_MAX_WORDS = 4;

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
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})t(.+)");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:.!?]+$");

    private static final Set<String> TODAY = Set.of("today", "aujourd'hui", "aujourdhui");
    private static final Set<String> TOMORROW = Set.of("tomorrow", "demain");
    private static final Set<String> AFTER_TOMORROW = Set.of("apres-demain", "apresdemain", "overmorrow");
    private static final Set<String> DAY_PREFIXES = Set.of("on", "le");
    private static final Set<String> AT = Set.of("at", "a", "@");
    private static final Set<String> NEXT = Set.of("next", "prochain", "prochaine");
    private static final Set<String> THIS = Set.of("this", "ce");
    private static final Set<String> AFTER_WEEKDAY_NEXT = Set.of("prochain", "prochaine");
    private static final Set<String> IN = Set.of("in", "dans");
    private static final Set<String> DAY_UNITS = Set.of("day", "days", "jour", "jours");
    private static final Set<String> WEEK_UNITS = Set.of("week", "weeks", "semaine", "semaines");
    private static final Set<String> HOUR_WORDS = Set.of("h", "heure", "heures");
    private static final Set<String> NOON = Set.of("noon", "midday", "midi");
    private static final Set<String> MIDNIGHT = Set.of("midnight", "minuit");
    private static final Set<String> DURATION_PREFIXES = Set.of("for", "pendant", "duree");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("un", 1),
            Map.entry("une", 1),
            Map.entry("deux", 2),
            Map.entry("trois", 3),
            Map.entry("quatre", 4),
            Map.entry("cinq", 5),
            Map.entry("sept", 7));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("lundi", DayOfWeek.MONDAY),
            Map.entry("lun", DayOfWeek.MONDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY),
            Map.entry("mar", DayOfWeek.TUESDAY),
            Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("mer", DayOfWeek.WEDNESDAY),
            Map.entry("jeudi", DayOfWeek.THURSDAY),
            Map.entry("jeu", DayOfWeek.THURSDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY),
            Map.entry("ven", DayOfWeek.FRIDAY),
            Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("sam", DayOfWeek.SATURDAY),
            Map.entry("dimanche", DayOfWeek.SUNDAY),
            Map.entry("dim", DayOfWeek.SUNDAY));

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
            return new Reading(input, zone, clock.instant()).read();
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
        List<Token> tokens = tokenize(text);
        if (tokens.isEmpty() || tokens.size() > DURATION_MAX_WORDS) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>();
        for (Token token : tokens) {
            words.add(token.norm());
        }
        return durationOf(String.join(" ", words));
    }

    private static Optional<Duration> durationOf(String normalized) {
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

    private record Token(String raw, String norm, int start) {
        int end() {
            return start + raw.length();
        }
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String raw = text.substring(start, i);
                tokens.add(new Token(raw, normalize(raw), start));
            }
        }
        return tokens;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Lower case, no accents, typographic apostrophes made plain, trailing punctuation dropped. */
    private static String normalize(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        String bare =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String plain = bare.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        return TRAILING_PUNCTUATION.matcher(plain).replaceAll("");
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
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Problem problem;
        private final String detail;

        Refusal(Problem problem, String detail) {
            super(null, null, false, false);
            this.problem = problem;
            this.detail = detail;
        }
    }

    /** A day read from the text; {@code rollsOver}: a weekday that may be today, else next week. */
    private record Day(LocalDate date, boolean rollsOver, int next) {}

    private record TimeRead(LocalTime time, int next) {}

    private record Start(ZonedDateTime start, int next) {}

    private record DurationRead(Duration duration, int from, int next) {}

    /** One parse: the tokens of one text, read left to right. */
    private static final class Reading {
        private final String text;
        private final List<Token> tokens;
        private final int n;
        private final ZoneId zone;
        private final Instant now;
        private final LocalDate today;

        Reading(String text, ZoneId zone, Instant now) {
            this.text = text;
            this.tokens = tokenize(text);
            this.n = tokens.size();
            this.zone = zone;
            this.now = now;
            this.today = now.atZone(zone).toLocalDate();
        }

        Result read() {
            if (n == 0) {
                throw new Refusal(Problem.UNREADABLE, "");
            }
            Start when = readWhen();
            int next = when.next();
            Duration duration = DEFAULT_DURATION;
            DurationRead read = null;
            if (next < n && DURATION_PREFIXES.contains(norm(next))) {
                read = readDuration(next + 1);
            }
            if (read == null) {
                read = readDuration(next);
            }
            if (read != null) {
                duration = read.duration();
                next = read.next();
            }
            if (when.start().toInstant().isBefore(now)) {
                throw new Refusal(Problem.IN_THE_PAST, SHOWN.format(when.start()));
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new Refusal(Problem.UNREADABLE, raw(read.from(), read.next()));
            }
            if (duration.compareTo(MAX_DURATION) > 0) {
                throw new Refusal(Problem.TOO_LONG, raw(read.from(), read.next()));
            }
            return new Parsed(
                    when.start(),
                    duration,
                    next < n ? trimmed(text.substring(tokens.get(next).start())) : "");
        }

        private Start readWhen() {
            int first = DAY_PREFIXES.contains(norm(0)) && n > 1 ? 1 : 0;
            Start iso = readIsoDateTime(first);
            if (iso != null) {
                return iso;
            }
            Day day = readDay(0);
            if (day != null) {
                int at = day.next() < n && AT.contains(norm(day.next())) ? day.next() + 1 : day.next();
                TimeRead time = readTime(at);
                if (time == null) {
                    throw noTime(day, at);
                }
                return new Start(resolve(day, time.time()), time.next());
            }
            Start relative = readRelative(0);
            if (relative != null) {
                return relative;
            }
            int at = AT.contains(norm(0)) && n > 1 ? 1 : 0;
            TimeRead time = readTime(at);
            if (time != null) {
                Day after = readDay(time.next());
                if (after != null) {
                    return new Start(resolve(after, time.time()), after.next());
                }
                return new Start(resolve(new Day(today, false, time.next()), time.time()), time.next());
            }
            throw new Refusal(Problem.UNREADABLE, raw(at, at + 1));
        }

        /** {@code 2026-12-03T15:00}, one word. */
        private Start readIsoDateTime(int i) {
            Matcher m = ISO_DATE_TIME.matcher(norm(i));
            if (!m.matches()) {
                return null;
            }
            LocalDate date = date(m.group(1), m.group(2), m.group(3), i);
            LocalTime time = singleTime(m.group(4), i, i + 1);
            if (time == null) {
                throw new Refusal(Problem.UNREADABLE, raw(i, i + 1));
            }
            return new Start(resolve(new Day(date, false, i + 1), time), i + 1);
        }

        /** A day at {@code i} (after an optional on/le), or null; refuses a date it recognises but cannot read. */
        private Day readDay(int i) {
            if (i >= n) {
                return null;
            }
            if (DAY_PREFIXES.contains(norm(i))) {
                return i + 1 < n ? readDayAt(i + 1) : null;
            }
            return readDayAt(i);
        }

        private Day readDayAt(int i) {
            String w = norm(i);
            if (TODAY.contains(w)) {
                return new Day(today, false, i + 1);
            }
            if (TOMORROW.contains(w)) {
                return new Day(today.plusDays(1), false, i + 1);
            }
            if (AFTER_TOMORROW.contains(w)) {
                return new Day(today.plusDays(2), false, i + 1);
            }
            if (w.equals("apres") && is(i + 1, "demain")) {
                return new Day(today.plusDays(2), false, i + 2);
            }
            int the = w.equals("the") ? 1 : 0;
            if (is(i + the, "day") && is(i + the + 1, "after") && is(i + the + 2, "tomorrow")) {
                return new Day(today.plusDays(2), false, i + the + 3);
            }
            if ((NEXT.contains(w) || THIS.contains(w)) && i + 1 < n && WEEKDAYS.containsKey(norm(i + 1))) {
                boolean strict = NEXT.contains(w);
                return new Day(weekday(WEEKDAYS.get(norm(i + 1)), strict), !strict, i + 2);
            }
            if (WEEKDAYS.containsKey(w)) {
                boolean strict = i + 1 < n && AFTER_WEEKDAY_NEXT.contains(norm(i + 1));
                return new Day(weekday(WEEKDAYS.get(w), strict), !strict, strict ? i + 2 : i + 1);
            }
            Matcher iso = ISO_DATE.matcher(w);
            if (iso.matches()) {
                return new Day(date(iso.group(1), iso.group(2), iso.group(3), i), false, i + 1);
            }
            Matcher french = FRENCH_DATE.matcher(w);
            if (french.matches()) {
                return new Day(date(french.group(3), french.group(2), french.group(1), i), false, i + 1);
            }
            if (!w.isEmpty() && Character.isDigit(w.charAt(0)) && w.contains("/")) {
                // 12/03 (day/month or month/day?), 12/03/26, 1/2/3/4: refused rather than guessed
                throw new Refusal(Problem.UNREADABLE, raw(i, i + 1));
            }
            if (IN.contains(w) && i + 2 < n) {
                String unit = norm(i + 2);
                boolean days = DAY_UNITS.contains(unit);
                if (days || WEEK_UNITS.contains(unit)) {
                    int count = count(norm(i + 1));
                    if (count < 0) {
                        throw new Refusal(Problem.UNREADABLE, raw(i, i + 3));
                    }
                    return new Day(today.plusDays(days ? count : 7L * count), false, i + 3);
                }
            }
            return null;
        }

        /** {@code in 2 hours}, {@code dans 30 minutes}, {@code in 1h30}: now plus that, to the minute. */
        private Start readRelative(int i) {
            if (!IN.contains(norm(i))) {
                return null;
            }
            if (i + 1 >= n) {
                throw new Refusal(Problem.UNREADABLE, raw(i, i + 1));
            }
            List<String> words = new ArrayList<>();
            for (int j = i + 1; j < Math.min(n, i + 1 + DURATION_MAX_WORDS); j++) {
                String w = norm(j);
                words.add(j == i + 1 && NUMBER_WORDS.containsKey(w) ? String.valueOf(NUMBER_WORDS.get(w)) : w);
            }
            for (int size = words.size(); size >= 1; size--) {
                Optional<Duration> amount = durationOf(String.join(" ", words.subList(0, size)));
                if (amount.isPresent()) {
                    if (amount.get().isZero()) {
                        throw new Refusal(Problem.UNREADABLE, raw(i, i + 1 + size));
                    }
                    ZonedDateTime start = now.atZone(zone).plus(amount.get()).truncatedTo(ChronoUnit.MINUTES);
                    return new Start(start, i + 1 + size);
                }
            }
            throw new Refusal(Problem.UNREADABLE, raw(i, Math.min(n, i + 3)));
        }

        /** A time at {@code i}, or null; refuses a time-shaped word that is no time (25:00, 13pm). */
        private TimeRead readTime(int i) {
            if (i >= n) {
                return null;
            }
            String w = norm(i);
            if (i + 1 < n
                    && HOUR_OR_COLON.matcher(w).matches()
                    && MERIDIEM_WORD.matcher(norm(i + 1)).matches()) {
                return new TimeRead(singleTime(w + norm(i + 1), i, i + 2), i + 2);
            }
            if (i + 1 < n && HOUR.matcher(w).matches() && HOUR_WORDS.contains(norm(i + 1))) {
                boolean minutes = i + 2 < n && TWO_DIGITS.matcher(norm(i + 2)).matches();
                int next = minutes ? i + 3 : i + 2;
                return new TimeRead(clockTime(w, minutes ? norm(i + 2) : "0", null, i, next), next);
            }
            LocalTime time = singleTime(w, i, i + 1);
            return time == null ? null : new TimeRead(time, i + 1);
        }

        /** One word as a time, or null if it is not one; refuses a time-shaped word that is no time. */
        private LocalTime singleTime(String w, int from, int to) {
            if (NOON.contains(w)) {
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
                    throw new Refusal(Problem.UNREADABLE, raw(from, to));
                }
                h = h % 12 + (meridiem.startsWith("p") ? 12 : 0);
            }
            if (h > 23 || m > 59) {
                throw new Refusal(Problem.UNREADABLE, raw(from, to));
            }
            return LocalTime.of(h, m);
        }

        /** A day was read but no time follows: NO_TIME, unless what follows looks like a time we cannot read. */
        private Refusal noTime(Day day, int at) {
            if (at < n) {
                String w = norm(at);
                boolean aDuration = readDuration(at) != null;
                if (MIDNIGHT.contains(w) || !aDuration && !w.isEmpty() && Character.isDigit(w.charAt(0))) {
                    return new Refusal(Problem.UNREADABLE, raw(at, at + 1));
                }
            }
            return new Refusal(Problem.NO_TIME, raw(0, day.next()));
        }

        private DurationRead readDuration(int i) {
            for (int size = Math.min(DURATION_MAX_WORDS, n - i); size >= 1; size--) {
                List<String> words = new ArrayList<>();
                for (int j = i; j < i + size; j++) {
                    words.add(norm(j));
                }
                Optional<Duration> duration = durationOf(String.join(" ", words));
                if (duration.isPresent()) {
                    return new DurationRead(duration.get(), i, i + size);
                }
            }
            return null;
        }

        private ZonedDateTime resolve(Day day, LocalTime time) {
            ZonedDateTime start = ZonedDateTime.ofLocal(LocalDateTime.of(day.date(), time), zone, null);
            if (day.rollsOver() && !start.toInstant().isAfter(now)) {
                return ZonedDateTime.ofLocal(LocalDateTime.of(day.date().plusWeeks(1), time), zone, null);
            }
            return start;
        }

        private LocalDate weekday(DayOfWeek dayOfWeek, boolean strictlyAfterToday) {
            return today.with(
                    strictlyAfterToday ? TemporalAdjusters.next(dayOfWeek) : TemporalAdjusters.nextOrSame(dayOfWeek));
        }

        private LocalDate date(String year, String month, String day, int token) {
            try {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
            } catch (DateTimeException e) {
                throw new Refusal(Problem.UNREADABLE, raw(token, token + 1));
            }
        }

        /** A count of days or weeks: up to four digits, or a word; -1 if not one. */
        private static int count(String w) {
            if (NUMBER_WORDS.containsKey(w)) {
                return NUMBER_WORDS.get(w);
            }
            return DIGITS.matcher(w).matches() && w.length() <= 4 ? Integer.parseInt(w) : -1;
        }

        private boolean is(int i, String word) {
            return i < n && norm(i).equals(word);
        }

        private String norm(int i) {
            return tokens.get(i).norm();
        }

        /** The text as typed from token {@code from} to token {@code to} (exclusive). */
        private String raw(int from, int to) {
            int last = Math.min(to, n) - 1;
            if (from > last) {
                return "";
            }
            return text.substring(tokens.get(from).start(), tokens.get(last).end());
        }

        private static String trimmed(String s) {
            int start = 0;
            int end = s.length();
            while (start < end && isSpace(s.charAt(start))) {
                start++;
            }
            while (end > start && isSpace(s.charAt(end - 1))) {
                end--;
            }
            return s.substring(start, end);
        }
    }
}
