package io.tandem.nudges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Working hours in the member's own timezone, across weekends and daylight-saving changes. */
class WorkingHoursTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final WorkingHours hours = new WorkingHours(
            LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void allowsWorkingHoursOnWorkingDaysOnly() {
        assertThat(hours.allows(at("2026-03-25T09:00", PARIS), PARIS)).isTrue();
        assertThat(hours.allows(at("2026-03-25T18:00", PARIS), PARIS)).isTrue();
        assertThat(hours.allows(at("2026-03-25T18:01", PARIS), PARIS)).isFalse();
        assertThat(hours.allows(at("2026-03-25T08:59", PARIS), PARIS)).isFalse();
        assertThat(hours.allows(at("2026-03-28T12:00", PARIS), PARIS))
                .as("a Saturday")
                .isFalse();
        // the same instant is working time in Paris and night in New York
        Instant parisAfternoon = at("2026-03-25T15:00", PARIS);
        assertThat(hours.allows(parisAfternoon, NEW_YORK)).isTrue();
        assertThat(hours.allows(at("2026-03-25T10:00", PARIS), NEW_YORK)).isFalse();
    }

    @Test
    void movesLaterToTheNextWorkingMoment() {
        assertThat(hours.earliestFrom(at("2026-03-25T07:00", PARIS), PARIS)).isEqualTo(at("2026-03-25T09:00", PARIS));
        assertThat(hours.earliestFrom(at("2026-03-25T19:00", PARIS), PARIS)).isEqualTo(at("2026-03-26T09:00", PARIS));
        assertThat(hours.earliestFrom(at("2026-03-27T19:00", PARIS), PARIS))
                .as("Friday night → Monday")
                .isEqualTo(at("2026-03-30T09:00", PARIS));
        Instant inHours = at("2026-03-25T11:30", PARIS);
        assertThat(hours.earliestFrom(inHours, PARIS)).isEqualTo(inHours);
    }

    @Test
    void movesEarlierToTheEndOfThePreviousWorkingDay() {
        assertThat(hours.latestUntil(at("2026-03-25T07:00", PARIS), PARIS))
                .as("an 08:00 session's 1-hour reminder")
                .isEqualTo(at("2026-03-24T18:00", PARIS));
        assertThat(hours.latestUntil(at("2026-03-30T07:00", PARIS), PARIS))
                .as("Monday early → Friday evening")
                .isEqualTo(at("2026-03-27T18:00", PARIS));
        assertThat(hours.latestUntil(at("2026-03-25T20:00", PARIS), PARIS)).isEqualTo(at("2026-03-25T18:00", PARIS));
    }

    @Test
    void keepsLocalTimesAcrossDaylightSavingChanges() {
        // Paris springs forward on 29 March 2026 and falls back on 25 October 2026
        assertThat(hours.earliestFrom(at("2026-03-28T12:00", PARIS), PARIS))
                .isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(hours.latestUntil(at("2026-03-30T07:00", PARIS), PARIS))
                .isEqualTo(Instant.parse("2026-03-27T17:00:00Z"));
        assertThat(hours.earliestFrom(at("2026-10-24T12:00", PARIS), PARIS))
                .isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
        // New York springs forward on 8 March 2026 and falls back on 1 November 2026
        assertThat(hours.earliestFrom(at("2026-03-07T12:00", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        assertThat(hours.earliestFrom(at("2026-02-28T12:00", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
        assertThat(hours.earliestFrom(at("2026-10-31T12:00", NEW_YORK), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-02T14:00:00Z"));
    }

    @Test
    void refusesAnEmptyOrBackwardsWorkingDay() {
        assertThatThrownBy(
                        () -> new WorkingHours(LocalTime.of(18, 0), LocalTime.of(9, 0), EnumSet.of(DayOfWeek.MONDAY)))
                .hasMessageContaining("must start before it ends");
        assertThatThrownBy(() ->
                        new WorkingHours(LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.noneOf(DayOfWeek.class)))
                .hasMessageContaining("at least one working day");
    }
}
