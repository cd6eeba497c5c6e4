package io.tandem.nudges;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a member may be messaged: on working days, between the start and the end of the working day, in their
 * own timezone. Works on local dates and times, so a daylight-saving change moves nothing: 09:00 stays 09:00.
 */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    private static final int SEARCH_DAYS = 14;

    public WorkingHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the working day must start before it ends: " + start + "–" + end);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("at least one working day is needed");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean allows(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && !time.isAfter(end);
    }

    /** {@code at} if allowed, else the start of the next working period. */
    public Instant earliestFrom(Instant at, ZoneId zone) {
        if (allows(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (days.contains(date.getDayOfWeek()) && local.toLocalTime().isBefore(start)) {
            return ZonedDateTime.of(date, start, zone).toInstant();
        }
        for (int i = 1; i <= SEARCH_DAYS; i++) {
            LocalDate next = date.plusDays(i);
            if (days.contains(next.getDayOfWeek())) {
                return ZonedDateTime.of(next, start, zone).toInstant();
            }
        }
        return at;
    }

    /** {@code at} if allowed, else the end of the previous working period. */
    public Instant latestUntil(Instant at, ZoneId zone) {
        if (allows(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        if (days.contains(date.getDayOfWeek()) && local.toLocalTime().isAfter(end)) {
            return ZonedDateTime.of(date, end, zone).toInstant();
        }
        for (int i = 1; i <= SEARCH_DAYS; i++) {
            LocalDate previous = date.minusDays(i);
            if (days.contains(previous.getDayOfWeek())) {
                return ZonedDateTime.of(previous, end, zone).toInstant();
            }
        }
        return at;
    }
}
