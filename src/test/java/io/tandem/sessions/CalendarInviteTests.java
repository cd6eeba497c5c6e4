package io.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.sessions.CalendarInvite.Attendee;
import io.tandem.sessions.CalendarInvite.Event;
import io.tandem.sessions.CalendarInvite.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every invite is read back by a small, strict, independent parser (below): it splits physical lines on raw
 * bytes, decodes each one as UTF-8 on its own, unfolds, splits name/parameters/value, and unescapes TEXT,
 * refusing unknown escapes and bare {@code , ;}. No iCalendar library is used on purpose: this parser is the check.
 */
class CalendarInviteTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = Instant.parse("2026-12-03T14:00:00Z");
    private static final Instant END = Instant.parse("2026-12-03T15:00:00Z");
    private static final Instant STAMP = Instant.parse("2026-11-20T09:15:30Z");
    private static final Attendee ORGANIZER = new Attendee("Tandem", "tandem@example.com");
    private static final Attendee MENTOR = new Attendee("Camille Martin", "camille@example.com");
    private static final Attendee MENTEE = new Attendee("Dupont, Marie", "marie.dupont@example.com");

    private static Event event(int sequence, Instant start, Instant end) {
        return new Event(
                "session-42@tandem",
                sequence,
                start,
                end,
                STAMP,
                "Reverse mentoring: SEO",
                "First session",
                ORGANIZER,
                List.of(MENTOR, MENTEE),
                "https://tandem.example.com/sessions/42");
    }

    private static Event event() {
        return event(0, START, END);
    }

    private static Event withText(String summary, String description) {
        Event e = event();
        return new Event(
                e.uid(),
                e.sequence(),
                e.start(),
                e.end(),
                e.stamp(),
                summary,
                description,
                e.organizer(),
                e.attendees(),
                e.url());
    }

    private static Event withPeople(Attendee organizer, List<Attendee> attendees) {
        Event e = event();
        return new Event(
                e.uid(),
                e.sequence(),
                e.start(),
                e.end(),
                e.stamp(),
                e.summary(),
                e.description(),
                organizer,
                attendees,
                e.url());
    }

    // --- calendar structure ---------------------------------------------------------------------------------

    @Test
    void writesTheCalendarHeaderAndExactlyOneEvent() {
        Component calendar = Ics.parse(CalendarInvite.render(event(), Method.REQUEST));

        assertThat(calendar.name()).isEqualTo("VCALENDAR");
        assertThat(calendar.propertyNames()).containsExactly("VERSION", "PRODID", "CALSCALE", "METHOD");
        assertThat(calendar.value("VERSION")).isEqualTo("2.0");
        assertThat(calendar.value("PRODID")).isEqualTo("-//Tandem//Reverse mentoring//EN");
        assertThat(calendar.value("CALSCALE")).isEqualTo("GREGORIAN");
        assertThat(calendar.value("METHOD")).isEqualTo("REQUEST");
        assertThat(calendar.children()).extracting(Component::name).containsExactly("VEVENT");
    }

    @Test
    void writesOnlyTheExpectedEventProperties() {
        Component vevent = veventOf(CalendarInvite.render(event(), Method.REQUEST));

        assertThat(vevent.propertyNames())
                .containsExactly(
                        "UID",
                        "SEQUENCE",
                        "DTSTAMP",
                        "DTSTART",
                        "DTEND",
                        "SUMMARY",
                        "DESCRIPTION",
                        "ORGANIZER",
                        "ATTENDEE",
                        "ATTENDEE",
                        "URL",
                        "STATUS");
        assertThat(vevent.children()).extracting(Component::name).containsExactly("VALARM");
    }

    @Test
    void writesUidSequenceAndUtcTimesMatchingTheInstants() {
        Event e = event(3, START, END);
        Component vevent = veventOf(CalendarInvite.render(e, Method.REQUEST));

        assertThat(vevent.text("UID")).isEqualTo("session-42@tandem");
        assertThat(vevent.value("SEQUENCE")).isEqualTo("3");
        assertThat(vevent.value("DTSTART")).isEqualTo("20261203T140000Z");
        assertThat(vevent.value("DTEND")).isEqualTo("20261203T150000Z");
        assertThat(vevent.value("DTSTAMP")).isEqualTo("20261120T091530Z");
        assertThat(Ics.utc(vevent.value("DTSTART"))).isEqualTo(e.start());
        assertThat(Ics.utc(vevent.value("DTEND"))).isEqualTo(e.end());
        assertThat(Ics.utc(vevent.value("DTSTAMP"))).isEqualTo(e.stamp());
    }

    @Test
    void writesInstantsWithSubSecondPrecisionAsWholeUtcSeconds() {
        Instant start = Instant.parse("2026-12-03T14:00:00.987654321Z");
        Component vevent = veventOf(CalendarInvite.render(event(0, start, END), Method.REQUEST));

        assertThat(vevent.value("DTSTART")).isEqualTo("20261203T140000Z");
    }

    @Test
    void convertsParisWallTimesToUtcAcrossTheMarch2027ClockChange() {
        // Clocks in Paris go from 02:00 CET (UTC+1) to 03:00 CEST (UTC+2) on Sunday 2027-03-28.
        Instant saturday = LocalDateTime.of(2027, 3, 27, 10, 0).atZone(PARIS).toInstant();
        Instant monday = LocalDateTime.of(2027, 3, 29, 10, 0).atZone(PARIS).toInstant();
        Instant acrossStart = LocalDateTime.of(2027, 3, 28, 1, 30).atZone(PARIS).toInstant();
        Instant acrossEnd = LocalDateTime.of(2027, 3, 28, 3, 30).atZone(PARIS).toInstant();

        Component before =
                veventOf(CalendarInvite.render(event(0, saturday, saturday.plus(Duration.ofHours(1))), Method.REQUEST));
        Component after =
                veventOf(CalendarInvite.render(event(0, monday, monday.plus(Duration.ofHours(1))), Method.REQUEST));
        Component across = veventOf(CalendarInvite.render(event(0, acrossStart, acrossEnd), Method.REQUEST));

        assertThat(before.value("DTSTART")).isEqualTo("20270327T090000Z");
        assertThat(after.value("DTSTART")).isEqualTo("20270329T080000Z");
        assertThat(Ics.utc(before.value("DTSTART"))).isEqualTo(saturday);
        assertThat(Ics.utc(after.value("DTSTART"))).isEqualTo(monday);
        assertThat(Ics.utc(after.value("DTSTART")).atZone(PARIS).toLocalTime())
                .isEqualTo(Ics.utc(before.value("DTSTART")).atZone(PARIS).toLocalTime());

        assertThat(across.value("DTSTART")).isEqualTo("20270328T003000Z");
        assertThat(across.value("DTEND")).isEqualTo("20270328T013000Z");
        assertThat(Duration.between(Ics.utc(across.value("DTSTART")), Ics.utc(across.value("DTEND"))))
                .isEqualTo(Duration.ofHours(1));
    }

    // --- request vs cancel ----------------------------------------------------------------------------------

    @Test
    void confirmsARequestWithAFifteenMinuteDisplayReminder() {
        Component calendar = Ics.parse(CalendarInvite.render(event(), Method.REQUEST));
        Component vevent = calendar.children().get(0);

        assertThat(calendar.value("METHOD")).isEqualTo("REQUEST");
        assertThat(vevent.value("STATUS")).isEqualTo("CONFIRMED");
        assertThat(vevent.children()).hasSize(1);
        Component alarm = vevent.children().get(0);
        assertThat(alarm.name()).isEqualTo("VALARM");
        assertThat(alarm.propertyNames()).containsExactlyInAnyOrder("TRIGGER", "ACTION", "DESCRIPTION");
        assertThat(alarm.value("TRIGGER")).isEqualTo("-PT15M");
        assertThat(Duration.parse(alarm.value("TRIGGER"))).isEqualTo(Duration.ofMinutes(-15));
        assertThat(alarm.value("ACTION")).isEqualTo("DISPLAY");
        assertThat(alarm.text("DESCRIPTION")).isEqualTo("Reminder");
    }

    @Test
    void cancelsTheSameSessionWithAHigherSequenceAndNoReminder() {
        Component request = Ics.parse(CalendarInvite.render(event(0, START, END), Method.REQUEST));
        Component cancel = Ics.parse(CalendarInvite.render(event(1, START, END), Method.CANCEL));
        Component requested = request.children().get(0);
        Component cancelled = cancel.children().get(0);

        assertThat(cancel.value("METHOD")).isEqualTo("CANCEL");
        assertThat(cancelled.value("STATUS")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("UID")).isEqualTo(requested.text("UID"));
        assertThat(Integer.parseInt(cancelled.value("SEQUENCE")))
                .isGreaterThan(Integer.parseInt(requested.value("SEQUENCE")));
        assertThat(cancelled.children()).isEmpty();
        assertThat(cancelled.all("ATTENDEE")).hasSize(2);
        assertThat(cancelled.all("ORGANIZER")).hasSize(1);
        assertThat(CalendarInvite.render(event(1, START, END), Method.CANCEL)).doesNotContain("VALARM", "TRIGGER");
    }

    // --- text escaping --------------------------------------------------------------------------------------

    @Test
    void escapesTextSoItRoundTripsWithAccentsAndPunctuation() {
        String summary = "Référencement naturel — séance";
        String description = "Agenda: SEO, SEA; analytics\nPath: C:\\reports\\q1\r\nNotes; a, b, c\\\n\nÀ bientôt !";
        Component vevent = veventOf(CalendarInvite.render(withText(summary, description), Method.REQUEST));

        assertThat(vevent.text("SUMMARY")).isEqualTo(summary);
        assertThat(vevent.text("DESCRIPTION"))
                .isEqualTo("Agenda: SEO, SEA; analytics\nPath: C:\\reports\\q1\nNotes; a, b, c\\\n\nÀ bientôt !");
        assertThat(vevent.first("DESCRIPTION").value())
                .startsWith("Agenda: SEO\\, SEA\\; analytics\\nPath: C:\\\\reports\\\\q1\\nNotes\\; a\\, b\\, c\\\\\\n")
                .doesNotContain("\r", "\n");
    }

    @Test
    void keepsAnEmptyDescriptionAndSummaryReadable() {
        Component vevent = veventOf(CalendarInvite.render(withText("", null), Method.REQUEST));

        assertThat(vevent.text("SUMMARY")).isEmpty();
        assertThat(vevent.text("DESCRIPTION")).isEmpty();
    }

    // --- line format ----------------------------------------------------------------------------------------

    @Test
    void endsEveryLineWithCrlfAndTheFileWithEndVcalendar() {
        String description = "line one\nline two\rline three\r\n" + "long ".repeat(40);
        byte[] bytes = CalendarInvite.render(withText("Séance", description), Method.REQUEST)
                .getBytes(StandardCharsets.UTF_8);

        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertThat(i).as("LF at %d preceded by CR", i).isGreaterThan(0);
                assertThat(bytes[i - 1]).as("byte before LF at %d", i).isEqualTo((byte) '\r');
            }
            if (bytes[i] == '\r') {
                assertThat(i + 1).as("CR at %d followed by LF", i).isLessThan(bytes.length);
                assertThat(bytes[i + 1]).as("byte after CR at %d", i).isEqualTo((byte) '\n');
            }
        }
        String ics = new String(bytes, StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("\r\nEND:VCALENDAR\r\n");
        assertThat(ics.indexOf("END:VCALENDAR")).isEqualTo(ics.length() - "END:VCALENDAR\r\n".length());
        assertThat(Ics.physicalLines(bytes)).noneMatch(String::isEmpty);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    void foldsAt75OctetsWithoutSplittingAUtf8Character(int padding) {
        String summary = "x".repeat(padding) + "Référencement naturel — séance ".repeat(4) + "🚀🎯".repeat(10);
        String description = "y".repeat(padding) + "Élodie présente l’é-réputation, ça; \\ 日本語テキスト 🙂 ".repeat(8);
        Event e = withPeople(
                new Attendee("Équipe Tandem « Mentorat inversé » — organisation générale " + padding, null),
                List.of(new Attendee(
                        "Camille Martin-Lefèvre, directrice marketing et communication digitale",
                        "camille.martin-lefevre@example.com")));
        e = new Event(
                e.uid(),
                e.sequence(),
                e.start(),
                e.end(),
                e.stamp(),
                summary,
                description,
                e.organizer(),
                e.attendees(),
                e.url());
        byte[] bytes = CalendarInvite.render(e, Method.REQUEST).getBytes(StandardCharsets.UTF_8);

        List<byte[]> lines = Ics.physicalLineBytes(bytes);
        int continuations = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            assertThat(line.length).as("octets in physical line %d", i).isLessThanOrEqualTo(75);
            assertThat(Ics.decodesAsUtf8(line))
                    .as("physical line %d decodes as UTF-8 on its own", i)
                    .isTrue();
            boolean foldedHere = i + 1 < lines.size() && lines.get(i + 1).length > 0 && lines.get(i + 1)[0] == ' ';
            if (foldedHere) {
                continuations++;
                // folded as late as possible: no room left for even the next character (≤ 4 octets)
                assertThat(line.length).as("octets before fold at line %d", i).isGreaterThan(71);
            }
        }
        assertThat(continuations).as("folds made").isGreaterThanOrEqualTo(8);

        Component vevent =
                Ics.parse(new String(bytes, StandardCharsets.UTF_8)).children().get(0);
        assertThat(vevent.text("SUMMARY")).isEqualTo(summary);
        assertThat(vevent.text("DESCRIPTION")).isEqualTo(description);
        assertThat(vevent.first("ORGANIZER").params().get("CN"))
                .isEqualTo(e.organizer().name());
        assertThat(vevent.first("ATTENDEE").params().get("CN"))
                .isEqualTo(e.attendees().get(0).name());
    }

    @Test
    void foldsOnlyLinesLongerThan75Octets() {
        List<String> physical =
                Ics.physicalLines(CalendarInvite.render(event(), Method.REQUEST).getBytes(StandardCharsets.UTF_8));
        List<String> logical = Ics.unfold(physical);

        assertThat(physical)
                .contains(
                        "SUMMARY:Reverse mentoring: SEO",
                        "DTSTART:20261203T140000Z",
                        "UID:session-42@tandem",
                        "URL:https://tandem.example.com/sessions/42");
        for (String line : logical) {
            if (line.getBytes(StandardCharsets.UTF_8).length <= 75) {
                assertThat(physical).as("short line kept whole").contains(line);
            } else {
                assertThat(physical).as("long line folded").doesNotContain(line);
            }
        }
        long folds = physical.stream().filter(line -> line.startsWith(" ")).count();
        assertThat(folds).isEqualTo(physical.size() - logical.size()).isEqualTo(2);
    }

    // --- organizer and attendees ----------------------------------------------------------------------------

    @Test
    void quotesCommonNamesOnlyWhenTheyHoldColonSemicolonOrComma() {
        List<Attendee> attendees = List.of(
                new Attendee("Camille Martin", "camille@example.com"),
                new Attendee("Dupont, Marie", "marie@example.com"),
                new Attendee("Ops; \"Night\" shift: lead", "ops@example.com"),
                new Attendee("Zoé Brûlé", "zoe@example.com"));
        String ics = CalendarInvite.render(
                withPeople(new Attendee("Tandem: mentoring", "mentoring@example.com"), attendees), Method.REQUEST);
        List<String> lines = Ics.unfold(Ics.physicalLines(ics.getBytes(StandardCharsets.UTF_8)));

        assertThat(lines).contains("ORGANIZER;CN=\"Tandem: mentoring\":mailto:mentoring@example.com");
        assertThat(lines)
                .contains(
                        "ATTENDEE;CN=Camille Martin;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
                                + ":mailto:camille@example.com",
                        "ATTENDEE;CN=\"Dupont, Marie\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE"
                                + ":mailto:marie@example.com",
                        "ATTENDEE;CN=Zoé Brûlé;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                                + "mailto:zoe@example.com");
        String ops = lines.stream()
                .filter(l -> l.endsWith("mailto:ops@example.com"))
                .findFirst()
                .orElseThrow();
        assertThat(ops).startsWith("ATTENDEE;CN=\"Ops; ");
        assertThat(ops.chars().filter(c -> c == '"').count())
                .as("quotes in %s", ops)
                .isEqualTo(2);

        Component vevent = Ics.parse(ics).children().get(0);
        assertThat(vevent.all("ATTENDEE"))
                .extracting(p -> p.params().get("CN"))
                .containsExactly("Camille Martin", "Dupont, Marie", "Ops; 'Night' shift: lead", "Zoé Brûlé");
        assertThat(vevent.all("ATTENDEE")).allSatisfy(p -> {
            assertThat(p.params())
                    .containsEntry("ROLE", "REQ-PARTICIPANT")
                    .containsEntry("PARTSTAT", "NEEDS-ACTION")
                    .containsEntry("RSVP", "TRUE");
            assertThat(p.value()).startsWith("mailto:");
        });
        assertThat(vevent.first("ORGANIZER").params()).containsEntry("CN", "Tandem: mentoring");
    }

    @Test
    void asksForAReplyOnlyWhereOneCanArriveAndNeverFromTheOrganizer() {
        Attendee ana = new Attendee("Ana", "ana@example.com", true);
        List<Attendee> people = List.of(ana, new Attendee("Bob", "bob@example.com"), new Attendee("Cy", null));
        Component vevent = veventOf(CalendarInvite.render(withPeople(ana, people), Method.REQUEST));
        assertThat(vevent.all("ATTENDEE"))
                .extracting(p -> p.params().get("RSVP"))
                .containsExactly("FALSE", "TRUE", "FALSE");
        assertThat(vevent.all("ATTENDEE").get(0).params()).containsEntry("PARTSTAT", "ACCEPTED");
        Component unknownOrganizer =
                veventOf(CalendarInvite.render(withPeople(new Attendee("Ana", null, true), people), Method.REQUEST));
        assertThat(unknownOrganizer.all("ATTENDEE"))
                .allSatisfy(p -> assertThat(p.params()).containsEntry("RSVP", "FALSE"));
    }

    @Test
    void givesParticipantsWithoutEmailDistinctNonDeliverableAddresses() {
        List<Attendee> attendees = List.of(
                new Attendee("Élodie Brûlé", null),
                new Attendee("Élodie Brûlé", " "),
                new Attendee("Sam", "sam@example.com"),
                new Attendee("日本", null));
        Component vevent =
                veventOf(CalendarInvite.render(withPeople(new Attendee("Tandem", null), attendees), Method.REQUEST));

        assertThat(vevent.value("ORGANIZER")).isEqualTo("mailto:noreply@tandem.invalid");
        assertThat(vevent.all("ATTENDEE"))
                .extracting(Property::value)
                .containsExactly(
                        "mailto:noreply+elodie-brule@tandem.invalid", "mailto:noreply+elodie-brule-2@tandem.invalid",
                        "mailto:sam@example.com", "mailto:noreply+attendee@tandem.invalid");
    }

    @Test
    void linksBackToTandemOnlyWhenAUrlIsGiven() {
        Event e = event();
        Event noUrl = new Event(
                e.uid(),
                e.sequence(),
                e.start(),
                e.end(),
                e.stamp(),
                e.summary(),
                e.description(),
                e.organizer(),
                e.attendees(),
                null);

        assertThat(veventOf(CalendarInvite.render(e, Method.REQUEST)).value("URL"))
                .isEqualTo("https://tandem.example.com/sessions/42");
        assertThat(veventOf(CalendarInvite.render(noUrl, Method.REQUEST)).all("URL"))
                .isEmpty();
    }

    @Test
    void refusesEventsThatNoCalendarCouldShow() {
        assertThatThrownBy(() -> event(0, END, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(0, START, START)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> event(-1, START, END)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Event(" ", 0, START, END, STAMP, "s", "d", ORGANIZER, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarInvite.render(
                        withPeople(ORGANIZER, List.of(new Attendee("Eve", "eve@example.com\r\nX-INJECTED:1"))),
                        Method.REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsInjectedLineBreaksInsideTheirProperty() {
        Component vevent = veventOf(CalendarInvite.render(
                withText("Hello\r\nX-INJECTED:1", "a\rATTENDEE:mailto:evil@example.com"), Method.REQUEST));

        assertThat(vevent.all("X-INJECTED")).isEmpty();
        assertThat(vevent.all("ATTENDEE")).hasSize(2);
        assertThat(vevent.text("SUMMARY")).isEqualTo("Hello\nX-INJECTED:1");
    }

    @Test
    void checksWithAParserThatRejectsWhatTheRendererMustNeverWrite() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        byte[] splitAccent = {'S', ':', e[0], '\r', '\n', ' ', e[1], '\r', '\n'};
        List<byte[]> lines = Ics.physicalLineBytes(splitAccent);

        assertThat(lines).hasSize(2);
        assertThat(Ics.decodesAsUtf8(lines.get(0))).isFalse();
        assertThat(Ics.decodesAsUtf8(lines.get(1))).isFalse();
        assertThat(Ics.decodesAsUtf8(new byte[] {'S', ':', e[0], e[1]})).isTrue();
        assertThat(Ics.unfold(List.of("SUMMARY:ab", " cd", "\tef"))).containsExactly("SUMMARY:abcdef");
        assertThatThrownBy(() -> Ics.unescape("a,b")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Ics.unescape("a\\tb")).isInstanceOf(AssertionError.class);
        assertThat(Ics.unescape("a\\,b\\;c\\\\d\\ne\\Nf")).isEqualTo("a,b;c\\d\ne\nf");
        assertThat(Ics.property("ATTENDEE;CN=\"A: B\";RSVP=TRUE:mailto:a@b.c").params())
                .containsExactly(Map.entry("CN", "A: B"), Map.entry("RSVP", "TRUE"));
        assertThatThrownBy(() -> Ics.property("ATTENDEE;CN=A, B:mailto:a@b.c")).isInstanceOf(AssertionError.class);
    }

    private static Component veventOf(String ics) {
        Component calendar = Ics.parse(ics);
        assertThat(calendar.children()).extracting(Component::name).containsExactly("VEVENT");
        return calendar.children().get(0);
    }

    // --- the independent test-side parser -------------------------------------------------------------------

    record Property(String name, Map<String, String> params, String value) {}

    record Component(String name, List<Property> properties, List<Component> children) {

        List<String> propertyNames() {
            return properties.stream().map(Property::name).collect(Collectors.toList());
        }

        List<Property> all(String name) {
            return properties.stream().filter(p -> p.name().equals(name)).collect(Collectors.toList());
        }

        Property first(String name) {
            List<Property> found = all(name);
            assertThat(found).as("exactly one %s in %s", name, this.name).hasSize(1);
            return found.get(0);
        }

        String value(String name) {
            return first(name).value();
        }

        String text(String name) {
            return Ics.unescape(value(name));
        }
    }

    static final class Ics {

        private static final DateTimeFormatter UTC =
                DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

        static Instant utc(String value) {
            assertThat(value).matches("\\d{8}T\\d{6}Z");
            return Instant.from(UTC.parse(value));
        }

        /** Physical lines as raw bytes, split on CRLF only; the data must end with CRLF. */
        static List<byte[]> physicalLineBytes(byte[] bytes) {
            List<byte[]> lines = new ArrayList<>();
            int from = 0;
            for (int i = 0; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    byte[] line = new byte[i - from];
                    System.arraycopy(bytes, from, line, 0, line.length);
                    lines.add(line);
                    from = i + 2;
                    i++;
                }
            }
            assertThat(from).as("nothing after the last CRLF").isEqualTo(bytes.length);
            return lines;
        }

        static List<String> physicalLines(byte[] bytes) {
            return physicalLineBytes(bytes).stream().map(Ics::strictUtf8).collect(Collectors.toList());
        }

        static boolean decodesAsUtf8(byte[] bytes) {
            try {
                strictDecoder().decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        private static CharsetDecoder strictDecoder() {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        static String strictUtf8(byte[] bytes) {
            try {
                return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("not valid UTF-8 on its own: " + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }

        /** RFC 5545 §3.1: a line starting with a space or tab continues the previous one, minus that character. */
        static List<String> unfold(List<String> physical) {
            List<String> logical = new ArrayList<>();
            for (String line : physical) {
                if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                    assertThat(logical)
                            .as("continuation without a line to continue")
                            .isNotEmpty();
                    logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
                } else {
                    logical.add(line);
                }
            }
            return logical;
        }

        static Property property(String line) {
            int i = 0;
            while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
                i++;
            }
            String name = line.substring(0, i);
            assertThat(name).as("property name in %s", line).matches("[A-Z][A-Z0-9-]*");
            Map<String, String> params = new LinkedHashMap<>();
            while (i < line.length() && line.charAt(i) == ';') {
                int eq = line.indexOf('=', i);
                assertThat(eq).as("parameter without '=' in %s", line).isPositive();
                String param = line.substring(i + 1, eq);
                assertThat(param).as("parameter name in %s", line).matches("[A-Z][A-Z0-9-]*");
                i = eq + 1;
                String value;
                if (i < line.length() && line.charAt(i) == '"') {
                    int close = line.indexOf('"', i + 1);
                    assertThat(close).as("closing quote in %s", line).isPositive();
                    value = line.substring(i + 1, close);
                    i = close + 1;
                } else {
                    int from = i;
                    while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
                        assertThat(line.charAt(i))
                                .as("unquoted parameter value in %s", line)
                                .isNotIn(',', '"');
                        i++;
                    }
                    value = line.substring(from, i);
                }
                assertThat(params.put(param, value))
                        .as("repeated parameter %s in %s", param, line)
                        .isNull();
            }
            assertThat(i).as("':' before the value in %s", line).isLessThan(line.length());
            assertThat(line.charAt(i)).as("':' before the value in %s", line).isEqualTo(':');
            return new Property(name, params, line.substring(i + 1));
        }

        static Component parse(String ics) {
            List<String> lines = unfold(physicalLines(ics.getBytes(StandardCharsets.UTF_8)));
            Deque<Component> open = new ArrayDeque<>();
            Component root = null;
            for (String line : lines) {
                Property p = property(line);
                if (p.name().equals("BEGIN")) {
                    assertThat(root).as("content after the calendar ended").isNull();
                    Component c = new Component(p.value(), new ArrayList<>(), new ArrayList<>());
                    if (!open.isEmpty()) {
                        open.peek().children().add(c);
                    }
                    open.push(c);
                } else if (p.name().equals("END")) {
                    assertThat(open).as("END:%s without BEGIN", p.value()).isNotEmpty();
                    Component c = open.pop();
                    assertThat(p.value()).as("END matching BEGIN").isEqualTo(c.name());
                    if (open.isEmpty()) {
                        root = c;
                    }
                } else {
                    assertThat(open)
                            .as("property outside any component: %s", line)
                            .isNotEmpty();
                    open.peek().properties().add(p);
                }
            }
            assertThat(open).as("components left open").isEmpty();
            assertThat(root).as("a calendar").isNotNull();
            return root;
        }

        /** TEXT unescape, strict: only {@code \\ \; \, \n \N}; a bare {@code ,} or {@code ;} is refused. */
        static String unescape(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                assertThat(c).as("unescaped separator at %d in %s", i, raw).isNotIn(',', ';');
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                assertThat(i + 1).as("dangling backslash in %s", raw).isLessThan(raw.length());
                char next = raw.charAt(++i);
                switch (next) {
                    case '\\', ';', ',' -> out.append(next);
                    case 'n', 'N' -> out.append('\n');
                    default -> throw new AssertionError("unknown escape \\" + next + " in " + raw);
                }
            }
            return out.toString();
        }
    }
}
