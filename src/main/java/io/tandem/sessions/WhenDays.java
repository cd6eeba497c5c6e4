package io.tandem.sessions;

import io.tandem.sessions.WhenParser.Problem;
import io.tandem.sessions.WhenParser.Refusal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Days in the words of a schedule line: today, tomorrow, the day after, a weekday (this or next), a date
 * ({@code 2026-12-03}, {@code 03/12/2026}), in N days or weeks.
 */
final class WhenDays {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    /** A day read from the text; {@code rollsOver}: a weekday that may be today, else next week. */
    record Day(LocalDate date, boolean rollsOver, int next) {}

    private final WhenTokens tokens;
    private final int n;
    private final LocalDate today;

    WhenDays(WhenTokens tokens, LocalDate today) {
        this.tokens = tokens;
        this.n = tokens.size();
        this.today = today;
    }

    /** A day at {@code i} (after an optional on/le), or null; refuses a date it recognises but cannot read. */
    Day readDay(int i) {
        if (i >= n) {
            return null;
        }
        if (WhenWords.DAY_PREFIXES.contains(tokens.norm(i))) {
            return i + 1 < n ? readDayAt(i + 1) : null;
        }
        return readDayAt(i);
    }

    private Day readDayAt(int i) {
        String w = tokens.norm(i);
        if (WhenWords.TODAY.contains(w)) {
            return new Day(today, false, i + 1);
        }
        if (WhenWords.TOMORROW.contains(w)) {
            return new Day(today.plusDays(1), false, i + 1);
        }
        if (WhenWords.AFTER_TOMORROW.contains(w)) {
            return new Day(today.plusDays(2), false, i + 1);
        }
        if (w.equals("apres") && tokens.is(i + 1, "demain")) {
            return new Day(today.plusDays(2), false, i + 2);
        }
        int the = w.equals("the") ? 1 : 0;
        if (tokens.is(i + the, "day") && tokens.is(i + the + 1, "after") && tokens.is(i + the + 2, "tomorrow")) {
            return new Day(today.plusDays(2), false, i + the + 3);
        }
        if ((WhenWords.NEXT.contains(w) || WhenWords.THIS.contains(w))
                && i + 1 < n
                && WhenWords.WEEKDAYS.containsKey(tokens.norm(i + 1))) {
            boolean strict = WhenWords.NEXT.contains(w);
            return new Day(weekday(WhenWords.WEEKDAYS.get(tokens.norm(i + 1)), strict), !strict, i + 2);
        }
        if (WhenWords.WEEKDAYS.containsKey(w)) {
            boolean strict = i + 1 < n && WhenWords.AFTER_WEEKDAY_NEXT.contains(tokens.norm(i + 1));
            return new Day(weekday(WhenWords.WEEKDAYS.get(w), strict), !strict, strict ? i + 2 : i + 1);
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
            throw new Refusal(Problem.UNREADABLE, tokens.raw(i, i + 1));
        }
        if (WhenWords.IN.contains(w) && i + 2 < n) {
            String unit = tokens.norm(i + 2);
            boolean days = WhenWords.DAY_UNITS.contains(unit);
            if (days || WhenWords.WEEK_UNITS.contains(unit)) {
                int count = WhenWords.count(tokens.norm(i + 1));
                if (count < 0) {
                    throw new Refusal(Problem.UNREADABLE, tokens.raw(i, i + 3));
                }
                return new Day(today.plusDays(days ? count : 7L * count), false, i + 3);
            }
        }
        return null;
    }

    private LocalDate weekday(DayOfWeek dayOfWeek, boolean strictlyAfterToday) {
        return today.with(
                strictlyAfterToday ? TemporalAdjusters.next(dayOfWeek) : TemporalAdjusters.nextOrSame(dayOfWeek));
    }

    LocalDate date(String year, String month, String day, int token) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new Refusal(Problem.UNREADABLE, tokens.raw(token, token + 1));
        }
    }
}
