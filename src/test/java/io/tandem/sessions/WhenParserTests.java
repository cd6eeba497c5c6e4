package io.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.sessions.WhenParser.Failed;
import io.tandem.sessions.WhenParser.Parsed;
import io.tandem.sessions.WhenParser.Problem;
import io.tandem.sessions.WhenParser.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading when a session starts. The clock is Thursday 2026-11-26 08:00 UTC: 09:00 in Paris, 03:00 in New York.
 */
class WhenParserTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private final WhenParser parser = at(NOW);

    private static WhenParser at(Instant now) {
        return new WhenParser(Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Parsed parsed(WhenParser parser, String text, ZoneId zone) {
        Result result = parser.parse(text, zone);
        assertThat(result).as(text).isInstanceOf(Parsed.class);
        return (Parsed) result;
    }

    private Parsed parsed(String text) {
        return parsed(parser, text, PARIS);
    }

    private static ZonedDateTime paris(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PARIS);
    }

    private void assertStart(String text, String expectedParisLocal) {
        assertThat(parsed(text).start()).as(text).isEqualTo(paris(expectedParisLocal));
    }

    private void assertFailed(String text, Problem problem, String detail) {
        assertThat(parser.parse(text, PARIS)).as(text).isEqualTo(new Failed(problem, detail));
    }

    // --- when: the forms ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        2026-12-03 15:00      | 2026-12-03T15:00
        2026-12-03T15:00      | 2026-12-03T15:00
        2026-12-03 15h        | 2026-12-03T15:00
        2026-12-03 15h30      | 2026-12-03T15:30
        2026-12-03 at 3pm     | 2026-12-03T15:00
        2026-12-03T3:30pm     | 2026-12-03T15:30
        03/12/2026 15:00      | 2026-12-03T15:00
        3/12/2026 9h          | 2026-12-03T09:00
        le 03/12/2026 à 15h   | 2026-12-03T15:00
        on 2026-12-03 at 9:30 | 2026-12-03T09:30
        """)
    void readsIsoAndDayMonthYearDates(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        today 15:00                  | 2026-11-26T15:00
        tomorrow 15:00               | 2026-11-27T15:00
        tomorrow 3pm                 | 2026-11-27T15:00
        tomorrow at 9:30             | 2026-11-27T09:30
        day after tomorrow 10am      | 2026-11-28T10:00
        the day after tomorrow 10am  | 2026-11-28T10:00
        aujourd'hui 15h              | 2026-11-26T15:00
        aujourd’hui 15h              | 2026-11-26T15:00
        demain 15h                   | 2026-11-27T15:00
        demain à 9h30                | 2026-11-27T09:30
        demain a 9h30                | 2026-11-27T09:30
        après-demain 10h             | 2026-11-28T10:00
        apres-demain 10h             | 2026-11-28T10:00
        après demain 10h             | 2026-11-28T10:00
        """)
    void readsARelativeDayAndATimeInEnglishAndFrench(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        thu 9:30             | 2026-11-26T09:30
        thursday 9:30        | 2026-11-26T09:30
        on thursday at 9:30  | 2026-11-26T09:30
        jeudi 9h30           | 2026-11-26T09:30
        jeu 9h30             | 2026-11-26T09:30
        le jeudi à 9h30      | 2026-11-26T09:30
        friday 11am          | 2026-11-27T11:00
        vendredi 11h         | 2026-11-27T11:00
        sunday 10:00         | 2026-11-29T10:00
        dim. 10h             | 2026-11-29T10:00
        lundi 14h            | 2026-11-30T14:00
        mon 2pm              | 2026-11-30T14:00
        wednesday 9:00       | 2026-12-02T09:00
        mer 9h               | 2026-12-02T09:00
        this friday 11am     | 2026-11-27T11:00
        ce vendredi 11h      | 2026-11-27T11:00
        next monday 10:00    | 2026-11-30T10:00
        lundi prochain 10h   | 2026-11-30T10:00
        prochain lundi 10h   | 2026-11-30T10:00
        """)
    void readsAWeekdayAsItsNextOccurrence(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        thursday 10:00          | 2026-11-26T10:00
        jeudi 10h               | 2026-11-26T10:00
        thursday 8:30           | 2026-12-03T08:30
        jeudi 8h30              | 2026-12-03T08:30
        thursday 9:00           | 2026-12-03T09:00
        next thursday 10:00     | 2026-12-03T10:00
        jeudi prochain 10h      | 2026-12-03T10:00
        """)
    void readsTodaysWeekdayAsTodayOnlyWhileTheTimeIsAheadAndNextAsNextWeek(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        in 2 days 10am        | 2026-11-28T10:00
        in two days at 10am   | 2026-11-28T10:00
        in 1 day 9:30         | 2026-11-27T09:30
        in a week 10:00       | 2026-12-03T10:00
        dans 3 jours 14h      | 2026-11-29T14:00
        dans trois jours 14h  | 2026-11-29T14:00
        dans 3 jours à 14h    | 2026-11-29T14:00
        dans une semaine 10h  | 2026-12-03T10:00
        """)
    void readsInSomeDaysAndATime(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        in 2 hours                | 2026-11-26T11:00
        in two hours              | 2026-11-26T11:00
        in an hour                | 2026-11-26T10:00
        in 30 minutes             | 2026-11-26T09:30
        in 90 min                 | 2026-11-26T10:30
        in 1h30                   | 2026-11-26T10:30
        in 1 hour 30 minutes      | 2026-11-26T10:30
        dans 2 heures             | 2026-11-26T11:00
        dans deux heures          | 2026-11-26T11:00
        dans une heure            | 2026-11-26T10:00
        dans 30 minutes           | 2026-11-26T09:30
        dans 1 heure 30           | 2026-11-26T10:30
        """)
    void readsInSomeHoursOrMinutesWithoutATime(String text, String expected) {
        assertStart(text, expected);
    }

    @Test
    void readsInSomeMinutesToTheMinute() {
        WhenParser parser = at(Instant.parse("2026-11-26T08:00:37Z"));
        assertThat(parsed(parser, "in 30 minutes", PARIS).start()).isEqualTo(paris("2026-11-26T09:30"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        15:00      | 15:00
        15h        | 15:00
        15h30      | 15:30
        15h05      | 15:05
        15 h 30    | 15:30
        15 h       | 15:00
        15 heures  | 15:00
        9:30       | 09:30
        09:30      | 09:30
        9h         | 09:00
        0:00       | 00:00
        23:59      | 23:59
        3pm        | 15:00
        3:30pm     | 15:30
        3:30 pm    | 15:30
        10am       | 10:00
        10 am      | 10:00
        10 a.m.    | 10:00
        12pm       | 12:00
        12am       | 00:00
        12:15am    | 00:15
        noon       | 12:00
        midi       | 12:00
        """)
    void readsTwentyFourHourFrenchAndTwelveHourTimes(String time, String expected) {
        assertThat(parsed("tomorrow " + time).start().toLocalTime()).as(time).isEqualTo(LocalTime.parse(expected));
        assertThat(parsed("tomorrow " + time).start().toLocalDate()).as(time).isEqualTo("2026-11-27");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        DEMAIN À 15H           | 2026-11-27T15:00
        Après-Demain 10H       | 2026-11-28T10:00
        APRES-DEMAIN 10H       | 2026-11-28T10:00
        JEUDI 9H30             | 2026-11-26T09:30
        Tomorrow 3PM           | 2026-11-27T15:00
        On Thursday At 9:30    | 2026-11-26T09:30
        Lundi Prochain 10H     | 2026-11-30T10:00
        DANS 3 JOURS 14H       | 2026-11-29T14:00
        AUJOURD'HUI MIDI       | 2026-11-26T12:00
        """)
    void ignoresCaseAndAccents(String text, String expected) {
        assertStart(text, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        15:00          | 2026-11-26T15:00
        at 3pm         | 2026-11-26T15:00
        3pm tomorrow   | 2026-11-27T15:00
        15h demain     | 2026-11-27T15:00
        9:30 thursday  | 2026-11-26T09:30
        8h30 jeudi     | 2026-12-03T08:30
        """)
    void readsATimeAloneAsTodayAndATimeBeforeItsDay(String text, String expected) {
        assertStart(text, expected);
    }

    // --- duration and topic ---

    @Test
    void readsTheDurationAndTheTopicAfterTheWhen() {
        Parsed parsed = parsed("tomorrow 15:00 1h30 SEO audit");
        assertThat(parsed).isEqualTo(new Parsed(paris("2026-11-27T15:00"), Duration.ofMinutes(90), "SEO audit"));
    }

    @Test
    void takesFortyFiveMinutesAndNoTopicByDefault() {
        assertThat(parsed("tomorrow 15:00"))
                .isEqualTo(new Parsed(paris("2026-11-27T15:00"), Duration.ofMinutes(45), ""));
        assertThat(parsed("demain 15h Audit SEO"))
                .isEqualTo(new Parsed(paris("2026-11-27T15:00"), WhenParser.DEFAULT_DURATION, "Audit SEO"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        "tomorrow 15:00 45m"                            | 45  | ""
        "tomorrow 15:00 1h Excel tips"                  | 60  | "Excel tips"
        "tomorrow 15:00 90min   Excel tips  "           | 90  | "Excel tips"
        "demain 15h 1 h 30 Référencement naturel"       | 90  | "Référencement naturel"
        "demain 15h durée 2h Négociation, avancée"      | 120 | "Négociation, avancée"
        "demain 15h pendant 1h30 IA"                    | 90  | "IA"
        "tomorrow 3 pm for 2 hours Pitch review"        | 120 | "Pitch review"
        "tomorrow 3 pm for the SEO team"                | 45  | "for the SEO team"
        "jeudi 10h 8h Offsite"                          | 480 | "Offsite"
        "tomorrow 15:00, 1h, SEO"                       | 60  | "SEO"
        """)
    void keepsTheTopicAsTypedAfterAnOptionalDuration(String text, long minutes, String topic) {
        Parsed parsed = parsed(text);
        assertThat(parsed.duration()).as(text).isEqualTo(Duration.ofMinutes(minutes));
        assertThat(parsed.topic()).as(text).isEqualTo(topic);
    }

    @Test
    void readsADurationAfterARelativeAmount() {
        assertThat(parsed("in 2 hours 1h SEO"))
                .isEqualTo(new Parsed(paris("2026-11-26T11:00"), Duration.ofHours(1), "SEO"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        45m         | 45
        1h          | 60
        1h30        | 90
        1H30        | 90
        1h05        | 65
        1h30m       | 90
        1h 30min    | 90
        90min       | 90
        90 mins     | 90
        30 mn       | 30
        1 h 30      | 90
        2h          | 120
        2 hours     | 120
        1 heure 30  | 90
        30 minutes  | 30
        0m          | 0
        10h         | 600
        """)
    void readsADurationAlone(String text, long minutes) {
        assertThat(WhenParser.duration(text)).as(text).contains(Duration.ofMinutes(minutes));
    }

    @Test
    void readsNoDurationFromWhatIsNotOne() {
        for (String text : new String[] {
            null, "", "  ", "abc", "45", "1h60", "1h 5", "1.5h", "12:00", "1h30 SEO", "99999999999m", "-1h", "h30", "m"
        }) {
            assertThat(WhenParser.duration(text)).as(String.valueOf(text)).isEmpty();
        }
    }

    // --- refusals ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        today 8:00          | 2026-11-26 08:00
        aujourd'hui 8h      | 2026-11-26 08:00
        8:00                | 2026-11-26 08:00
        2026-11-25 15:00    | 2026-11-25 15:00
        25/11/2026 15h      | 2026-11-25 15:00
        today 8:59am 1h     | 2026-11-26 08:59
        """)
    void refusesAStartInThePast(String text, String shown) {
        assertFailed(text, Problem.IN_THE_PAST, shown);
    }

    @Test
    void acceptsAStartRightNow() {
        assertStart("today 9:00", "2026-11-26T09:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        tomorrow 15:00 9h SEO    | 9h
        tomorrow 15:00 8h01      | 8h01
        demain 15h 500min        | 500min
        tomorrow 15:00 for 10 hours | 10 hours
        """)
    void refusesASessionLongerThanEightHours(String text, String detail) {
        assertFailed(text, Problem.TOO_LONG, detail);
    }

    @Test
    void acceptsASessionOfExactlyEightHours() {
        assertThat(parsed("tomorrow 9:00 8h").duration()).isEqualTo(WhenParser.MAX_DURATION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        tomorrow              | tomorrow
        jeudi                 | jeudi
        demain Audit SEO      | demain
        tomorrow at           | tomorrow
        on thursday           | on thursday
        next monday           | next monday
        lundi prochain        | lundi prochain
        in 2 days             | in 2 days
        dans 3 jours Excel    | dans 3 jours
        2026-12-03            | 2026-12-03
        03/12/2026            | 03/12/2026
        tomorrow 45m SEO      | tomorrow
        """)
    void refusesADayWithoutATime(String text, String detail) {
        assertFailed(text, Problem.NO_TIME, detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        12/03 15:00                  | 12/03
        12/03                        | 12/03
        le 12/03 à 15h               | 12/03
        12/03/26 15:00               | 12/03/26
        15:00 12/03                  | 12/03
        tomorrow 9.30                | 9.30
        tomorrow midnight            | midnight
        demain minuit                | minuit
        tomorrow 25:00               | 25:00
        tomorrow 15:60               | 15:60
        tomorrow 13pm                | 13pm
        tomorrow 0am                 | 0am
        tomorrow 3                   | 3
        2026-02-30 15:00             | 2026-02-30
        31/04/2026 15h               | 31/04/2026
        2026-12-03T25:00             | 2026-12-03T25:00
        2026-12-03Tlater             | 2026-12-03Tlater
        SEO audit tomorrow 15:00     | SEO
        next week 10:00              | next
        in 99999999999 days 10am     | in 99999999999 days
        dans 99999999999 jours 10h   | dans 99999999999 jours
        in 99999999999 hours         | in 99999999999 hours
        in                           | in
        dans la matinée              | dans la matinée
        in 0 minutes                 | in 0 minutes
        tomorrow 15:00 0m            | 0m
        """)
    void refusesWhatItCannotReadAndSaysWhat(String text, String detail) {
        assertFailed(text, Problem.UNREADABLE, detail);
    }

    @Test
    void refusesEmptyNullAndBlankInputWithoutThrowing() {
        assertThat(parser.parse(null, PARIS)).isEqualTo(new Failed(Problem.UNREADABLE, ""));
        assertThat(parser.parse("", PARIS)).isEqualTo(new Failed(Problem.UNREADABLE, ""));
        assertThat(parser.parse(" \t\u00A0\n", PARIS)).isEqualTo(new Failed(Problem.UNREADABLE, ""));
        assertThat(parser.parse("tomorrow 15:00", null)).isInstanceOf(Failed.class);
    }

    @Test
    void shortensAVeryLongDetail() {
        Result result = parser.parse("x".repeat(10_000), PARIS);
        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).detail())
                .hasSizeLessThanOrEqualTo(60)
                .startsWith("xxx")
                .endsWith("…");
    }

    // --- time zones and daylight saving ---

    @Test
    void movesATimeInTheSpringForwardGapForwardInParis() {
        ZonedDateTime start = parsed("2027-03-28 02:30").start();
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2027-03-28T01:30:00Z"));
        assertThat(start.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void takesTheEarlierOffsetForATimeThatHappensTwiceInParis() {
        WhenParser inOctober = at(Instant.parse("2026-10-01T08:00:00Z"));
        ZonedDateTime start2026 = parsed(inOctober, "2026-10-25 02:30", PARIS).start();
        assertThat(start2026.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(start2026.getOffset()).isEqualTo(ZoneOffset.ofHours(2));

        ZonedDateTime start2027 = parsed("31/10/2027 2h30").start();
        assertThat(start2027.toInstant()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z"));
        assertThat(start2027.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(start2027.toLocalTime()).isEqualTo(LocalTime.of(2, 30));

        assertFailed("2026-10-25 02:30", Problem.IN_THE_PAST, "2026-10-25 02:30");
    }

    @Test
    void handlesDaylightSavingInNewYork() {
        ZonedDateTime spring = parsed(parser, "2027-03-14 2:30am", NEW_YORK).start();
        assertThat(spring.toInstant()).isEqualTo(Instant.parse("2027-03-14T07:30:00Z"));
        assertThat(spring.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
        assertThat(spring.toLocalTime()).isEqualTo(LocalTime.of(3, 30));

        WhenParser inOctober = at(Instant.parse("2026-10-01T08:00:00Z"));
        ZonedDateTime autumn = parsed(inOctober, "2026-11-01 1:30am", NEW_YORK).start();
        assertThat(autumn.toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(autumn.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
    }

    @Test
    void keepsTheWallClockTimeAcrossAChangeAndCountsRealHoursForInHours() {
        WhenParser saturday = at(Instant.parse("2027-03-27T09:00:00Z"));
        ZonedDateTime tomorrow = parsed(saturday, "tomorrow 10:00", PARIS).start();
        assertThat(tomorrow.toInstant()).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
        ZonedDateTime sunday = parsed(at(Instant.parse("2027-03-25T08:00:00Z")), "dimanche 2h30", PARIS)
                .start();
        assertThat(sunday).isEqualTo(ZonedDateTime.of(2027, 3, 28, 3, 30, 0, 0, PARIS));

        WhenParser beforeTheChange = at(Instant.parse("2027-03-28T00:30:00Z"));
        ZonedDateTime inTwoHours = parsed(beforeTheChange, "in 2 hours", PARIS).start();
        assertThat(inTwoHours.toInstant()).isEqualTo(Instant.parse("2027-03-28T02:30:00Z"));
        assertThat(inTwoHours.toLocalTime()).isEqualTo(LocalTime.of(4, 30));
    }

    @Test
    void readsTheSameWallTimeInTwoZonesAsDifferentInstants() {
        Instant paris = parsed(parser, "tomorrow 15:00", PARIS).start().toInstant();
        Instant newYork = parsed(parser, "tomorrow 15:00", NEW_YORK).start().toInstant();
        assertThat(paris).isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
        assertThat(newYork).isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
    }

    @Test
    void readsTodayAndTomorrowAsTheDaysInTheSchedulersZone() {
        WhenParser lateEvening = at(Instant.parse("2026-11-26T23:30:00Z"));
        assertThat(parsed(lateEvening, "tomorrow 10:00", PARIS).start())
                .isEqualTo(ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, PARIS));
        assertThat(parsed(lateEvening, "tomorrow 10:00", NEW_YORK).start())
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, NEW_YORK));
        assertThat(parsed(lateEvening, "thursday 20:00", PARIS).start())
                .isEqualTo(ZonedDateTime.of(2026, 12, 3, 20, 0, 0, 0, PARIS));
        assertThat(parsed(lateEvening, "thursday 20:00", NEW_YORK).start())
                .isEqualTo(ZonedDateTime.of(2026, 11, 26, 20, 0, 0, 0, NEW_YORK));
    }

    // --- properties: never throws, and what it accepts is sound ---

    private static void assertSound(String text, Result result) {
        assertThat(result).as(String.valueOf(text)).isNotNull();
        if (result instanceof Parsed p) {
            assertThat(p.start().toInstant()).isAfterOrEqualTo(NOW);
            assertThat(p.duration()).isPositive().isLessThanOrEqualTo(WhenParser.MAX_DURATION);
            assertThat(p.topic()).isEqualTo(p.topic().strip());
            assertThat(text).contains(p.topic());
        } else if (result instanceof Failed f) {
            assertThat(f.problem()).isNotNull();
            assertThat(f.detail()).isNotNull().hasSizeLessThanOrEqualTo(60);
        }
    }

    @Property(tries = 3000)
    void anyStringGivesAResultWithoutThrowing(@ForAll String text) {
        assertSound(text, parser.parse(text, PARIS));
        Optional<Duration> duration = WhenParser.duration(text);
        assertThat(duration).isNotNull();
        duration.ifPresent(d -> assertThat(d.isNegative()).isFalse());
    }

    @Property(tries = 3000)
    void scheduleShapedTextGivesASoundResultInAnyZone(
            @ForAll("scheduleLines") String text, @ForAll("zones") ZoneId zone) {
        assertSound(text, parser.parse(text, zone));
    }

    @Property(tries = 500)
    void readsBackEveryClockTime(@ForAll @IntRange(max = 23) int hour, @ForAll @IntRange(max = 59) int minute) {
        LocalTime time = LocalTime.of(hour, minute);
        assertThat(parsed(String.format("tomorrow %d:%02d", hour, minute)).start())
                .isEqualTo(ZonedDateTime.of(2026, 11, 27, hour, minute, 0, 0, PARIS));
        assertThat(parsed(String.format("demain %dh%02d", hour, minute)).start().toLocalTime())
                .isEqualTo(time);
    }

    @Property(tries = 300)
    void readsInSomeHoursAsThatManyRealHoursFromNow(
            @ForAll @IntRange(min = 1, max = 999) int hours, @ForAll("zones") ZoneId zone) {
        assertThat(parsed(parser, "in " + hours + " hours", zone).start().toInstant())
                .isEqualTo(NOW.plus(Duration.ofHours(hours)));
    }

    @Property(tries = 500)
    void readsBackEveryDurationUpToEightHours(@ForAll @IntRange(min = 1, max = 480) int minutes) {
        String typed = minutes >= 60 ? String.format("%dh%02d", minutes / 60, minutes % 60) : minutes + "m";
        assertThat(WhenParser.duration(typed)).as(typed).contains(Duration.ofMinutes(minutes));
        assertThat(parsed("tomorrow 15:00 " + typed + " topic").duration()).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Provide
    Arbitrary<String> scheduleLines() {
        Arbitrary<String> pieces = Arbitraries.of(
                "tomorrow",
                "demain",
                "today",
                "aujourd'hui",
                "après-demain",
                "day",
                "after",
                "the",
                "on",
                "le",
                "at",
                "à",
                "a",
                "next",
                "prochain",
                "jeudi",
                "thu",
                "lundi",
                "in",
                "dans",
                "2",
                "0",
                "99999999999",
                "two",
                "une",
                "days",
                "jours",
                "hours",
                "heures",
                "minutes",
                "weeks",
                "15:00",
                "15h",
                "15h30",
                "3pm",
                "12am",
                "25:00",
                "13pm",
                "9.30",
                "midi",
                "minuit",
                "1h30",
                "1 h 30",
                "90min",
                "0m",
                "9h",
                "for",
                "durée",
                "12/03",
                "03/12/2026",
                "31/02/2026",
                "2026-12-03",
                "2027-03-28T02:30",
                "2026-02-30",
                "SEO",
                "é",
                "-",
                "/",
                ":",
                ",",
                ".",
                " ",
                "  ",
                "\t",
                "\u00A0",
                "\u2019",
                "🙂",
                "\u0000",
                "h",
                "m",
                "pm");
        return pieces.list().ofMaxSize(12).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(List.of(
                        "Europe/Paris",
                        "America/New_York",
                        "UTC",
                        "Asia/Kolkata",
                        "Pacific/Chatham",
                        "Australia/Lord_Howe",
                        "Pacific/Kiritimati",
                        "America/St_Johns"))
                .map(ZoneId::of);
    }
}
