package io.tandem.sessions;

import io.tandem.sessions.WhenDays.Day;
import io.tandem.sessions.WhenParser.Parsed;
import io.tandem.sessions.WhenParser.Problem;
import io.tandem.sessions.WhenParser.Refusal;
import io.tandem.sessions.WhenParser.Result;
import io.tandem.sessions.WhenTimes.DurationRead;
import io.tandem.sessions.WhenTimes.TimeRead;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One parse: the words of one schedule line, read left to right (the when, a duration, the rest the topic). */
final class WhenReading {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern ISO_DATE_TIME = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})t(.+)");

    private record Start(ZonedDateTime start, int next) {}

    private final WhenTokens tokens;
    private final int n;
    private final ZoneId zone;
    private final Instant now;
    private final LocalDate today;
    private final WhenDays days;
    private final WhenTimes times;

    WhenReading(String text, ZoneId zone, Instant now) {
        this.tokens = new WhenTokens(text);
        this.n = tokens.size();
        this.zone = zone;
        this.now = now;
        this.today = now.atZone(zone).toLocalDate();
        this.days = new WhenDays(tokens, today);
        this.times = new WhenTimes(tokens);
    }

    Result read() {
        if (n == 0) {
            throw new Refusal(Problem.UNREADABLE, "");
        }
        Start when = readWhen();
        int next = when.next();
        Duration duration = WhenParser.DEFAULT_DURATION;
        DurationRead read = null;
        if (next < n && WhenWords.DURATION_PREFIXES.contains(tokens.norm(next))) {
            read = times.readDuration(next + 1);
        }
        if (read == null) {
            read = times.readDuration(next);
        }
        if (read != null) {
            duration = read.duration();
            next = read.next();
        }
        if (when.start().toInstant().isBefore(now)) {
            throw new Refusal(Problem.IN_THE_PAST, SHOWN.format(when.start()));
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new Refusal(Problem.UNREADABLE, tokens.raw(read.from(), read.next()));
        }
        if (duration.compareTo(WhenParser.MAX_DURATION) > 0) {
            throw new Refusal(Problem.TOO_LONG, tokens.raw(read.from(), read.next()));
        }
        return new Parsed(when.start(), duration, next < n ? tokens.rest(next) : "");
    }

    private Start readWhen() {
        int first = WhenWords.DAY_PREFIXES.contains(tokens.norm(0)) && n > 1 ? 1 : 0;
        Start iso = readIsoDateTime(first);
        if (iso != null) {
            return iso;
        }
        Day day = days.readDay(0);
        if (day != null) {
            int at = day.next() < n && WhenWords.AT.contains(tokens.norm(day.next())) ? day.next() + 1 : day.next();
            TimeRead time = times.readTime(at);
            if (time == null) {
                throw noTime(day, at);
            }
            return new Start(resolve(day, time.time()), time.next());
        }
        Start relative = readRelative(0);
        if (relative != null) {
            return relative;
        }
        int at = WhenWords.AT.contains(tokens.norm(0)) && n > 1 ? 1 : 0;
        TimeRead time = times.readTime(at);
        if (time != null) {
            Day after = days.readDay(time.next());
            if (after != null) {
                return new Start(resolve(after, time.time()), after.next());
            }
            return new Start(resolve(new Day(today, false, time.next()), time.time()), time.next());
        }
        throw new Refusal(Problem.UNREADABLE, tokens.raw(at, at + 1));
    }

    /** {@code 2026-12-03T15:00}, one word. */
    private Start readIsoDateTime(int i) {
        Matcher m = ISO_DATE_TIME.matcher(tokens.norm(i));
        if (!m.matches()) {
            return null;
        }
        LocalDate date = days.date(m.group(1), m.group(2), m.group(3), i);
        LocalTime time = times.singleTime(m.group(4), i, i + 1);
        if (time == null) {
            throw new Refusal(Problem.UNREADABLE, tokens.raw(i, i + 1));
        }
        return new Start(resolve(new Day(date, false, i + 1), time), i + 1);
    }

    /** {@code in 2 hours}, {@code dans 30 minutes}, {@code in 1h30}: now plus that, to the minute. */
    private Start readRelative(int i) {
        if (!WhenWords.IN.contains(tokens.norm(i))) {
            return null;
        }
        if (i + 1 >= n) {
            throw new Refusal(Problem.UNREADABLE, tokens.raw(i, i + 1));
        }
        List<String> words = new ArrayList<>();
        for (int j = i + 1; j < Math.min(n, i + 1 + WhenTimes.DURATION_MAX_WORDS); j++) {
            String w = tokens.norm(j);
            words.add(
                    j == i + 1 && WhenWords.NUMBER_WORDS.containsKey(w)
                            ? String.valueOf(WhenWords.NUMBER_WORDS.get(w))
                            : w);
        }
        for (int size = words.size(); size >= 1; size--) {
            Optional<Duration> amount = WhenTimes.durationOf(String.join(" ", words.subList(0, size)));
            if (amount.isPresent()) {
                if (amount.get().isZero()) {
                    throw new Refusal(Problem.UNREADABLE, tokens.raw(i, i + 1 + size));
                }
                ZonedDateTime start = now.atZone(zone).plus(amount.get()).truncatedTo(ChronoUnit.MINUTES);
                return new Start(start, i + 1 + size);
            }
        }
        throw new Refusal(Problem.UNREADABLE, tokens.raw(i, Math.min(n, i + 3)));
    }

    /** A day was read but no time follows: NO_TIME, unless what follows looks like a time we cannot read. */
    private Refusal noTime(Day day, int at) {
        if (at < n) {
            String w = tokens.norm(at);
            boolean aDuration = times.readDuration(at) != null;
            if (WhenWords.MIDNIGHT.contains(w) || !aDuration && !w.isEmpty() && Character.isDigit(w.charAt(0))) {
                return new Refusal(Problem.UNREADABLE, tokens.raw(at, at + 1));
            }
        }
        return new Refusal(Problem.NO_TIME, tokens.raw(0, day.next()));
    }

    private ZonedDateTime resolve(Day day, LocalTime time) {
        ZonedDateTime start = ZonedDateTime.ofLocal(LocalDateTime.of(day.date(), time), zone, null);
        if (day.rollsOver() && !start.toInstant().isAfter(now)) {
            return ZonedDateTime.ofLocal(LocalDateTime.of(day.date().plusWeeks(1), time), zone, null);
        }
        return start;
    }
}
