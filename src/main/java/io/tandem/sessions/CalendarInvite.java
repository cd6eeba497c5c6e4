package io.tandem.sessions;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A mentoring session as an iCalendar invite (RFC 5545, iTIP method per RFC 5546) for Outlook and Google
 * Calendar: one {@code VEVENT}, times in UTC, text escaped, lines ending in CRLF and folded at 75 octets
 * without ever splitting a UTF-8 character.
 *
 * <p>Keep the {@code uid} for the life of the session and raise {@code sequence} on every reschedule or
 * cancellation, so calendars update the event they already have instead of adding a new one.
 */
public final class CalendarInvite {

    /** iTIP method: a new or updated session, or its cancellation. */
    public enum Method {
        REQUEST,
        CANCEL
    }

    /**
     * A participant; without an email a non-deliverable {@code tandem.invalid} address stands in, and nobody is asked
     * to reply to it. {@code organizer}: this attendee is also the event's organizer (accepted, asked nothing).
     */
    public record Attendee(String name, String email /* may be null */, boolean organizer) {
        public Attendee(String name, String email) {
            this(name, email, false);
        }

        boolean reachable() {
            return email != null && !email.isBlank();
        }
    }

    /**
     * uid: stable for the session (e.g. "session-&lt;id&gt;@tandem"); sequence: 0 first, +1 on each reschedule or
     * cancel; start/end: instants, written in UTC; stamp: when generated (DTSTAMP); summary, description (may be
     * multi-line, may contain {@code , ; \} and non-ASCII); organizer and attendees; url: optional link back to
     * Tandem (null or blank for none).
     */
    public record Event(
            String uid,
            int sequence,
            Instant start,
            Instant end,
            Instant stamp,
            String summary,
            String description,
            Attendee organizer,
            List<Attendee> attendees,
            String url) {

        public Event {
            if (uid == null || uid.isBlank() || hasControl(uid)) {
                throw new IllegalArgumentException("uid must be non-blank, without control characters: " + uid);
            }
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
            }
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(organizer, "organizer");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end " + end + " must be after start " + start);
            }
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
            url = url == null || url.isBlank() ? null : url.strip();
            if (url != null && (hasControl(url) || url.chars().anyMatch(Character::isWhitespace))) {
                throw new IllegalArgumentException("url must not contain spaces or control characters: " + url);
            }
        }
    }

    static final String PRODID = "-//Tandem//Reverse mentoring//EN";
    static final String NO_REPLY = "noreply@tandem.invalid";
    private static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CalendarInvite() {}

    /** The whole {@code .ics} file, ending with {@code END:VCALENDAR} and CRLF; encode it as UTF-8. */
    public static String render(Event event, Method method) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(method, "method");
        StringBuilder out = new StringBuilder(1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:" + method.name());
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(event.uid()));
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + utc(event.stamp()));
        line(out, "DTSTART:" + utc(event.start()));
        line(out, "DTEND:" + utc(event.end()));
        line(out, "SUMMARY:" + text(event.summary()));
        line(out, "DESCRIPTION:" + text(event.description()));
        line(
                out,
                "ORGANIZER" + cn(event.organizer().name()) + ":mailto:"
                        + address(event.organizer().email(), NO_REPLY));
        Set<String> slugs = new HashSet<>();
        for (Attendee attendee : event.attendees()) {
            Objects.requireNonNull(attendee, "attendee");
            String fallback = "noreply+" + uniqueSlug(attendee.name(), slugs) + "@tandem.invalid";
            line(
                    out,
                    "ATTENDEE" + cn(attendee.name()) + ";ROLE=REQ-PARTICIPANT;" + answer(event, attendee) + ":mailto:"
                            + address(attendee.email(), fallback));
        }
        if (event.url() != null) {
            line(out, "URL:" + event.url());
        }
        line(out, method == Method.REQUEST ? "STATUS:CONFIRMED" : "STATUS:CANCELLED");
        if (method == Method.REQUEST) {
            line(out, "BEGIN:VALARM");
            line(out, "TRIGGER:-PT15M");
            line(out, "ACTION:DISPLAY");
            line(out, "DESCRIPTION:Reminder");
            line(out, "END:VALARM");
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /**
     * A reply is asked for only when it can arrive: the attendee has a real address to be asked at and the organizer
     * a real one to answer to. The organizer has accepted their own event.
     */
    private static String answer(Event event, Attendee attendee) {
        if (attendee.organizer()) {
            return "PARTSTAT=ACCEPTED;RSVP=FALSE";
        }
        boolean replies = attendee.reachable() && event.organizer().reachable();
        return "PARTSTAT=NEEDS-ACTION;RSVP=" + (replies ? "TRUE" : "FALSE");
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other controls dropped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n', '\u2028', '\u2029', '\u0085' -> out.append("\\n");
                default -> {
                    if (c == '\t' || !Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * {@code ;CN=...} parameter, quoted when it holds {@code : ; ,}; never a {@code "} or a control; empty if no name.
     */
    static String cn(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp == '"') {
                clean.append('\'');
            } else if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029') {
                clean.append(' ');
            } else {
                clean.appendCodePoint(cp);
            }
        });
        String value = clean.toString().strip().replaceAll(" {2,}", " ");
        if (value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(':') >= 0 || value.indexOf(';') >= 0 || value.indexOf(',') >= 0;
        return ";CN=" + (quote ? '"' + value + '"' : value);
    }

    private static String address(String email, String fallback) {
        if (email == null || email.isBlank()) {
            return fallback;
        }
        String value = email.strip();
        if (value.indexOf('@') < 1
                || value.chars()
                        .anyMatch(c -> Character.isWhitespace(c)
                                || Character.isISOControl(c)
                                || c == '"'
                                || c == '<'
                                || c == '>')) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        return value;
    }

    /** Lower-case ASCII slug of a name (accents dropped), unique within one invite; "attendee" if nothing is left. */
    private static String uniqueSlug(String name, Set<String> taken) {
        String base = name == null
                ? ""
                : Normalizer.normalize(name, Normalizer.Form.NFD)
                        .replaceAll("\\p{M}+", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-+|-+$", "");
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        if (base.isEmpty()) {
            base = "attendee";
        }
        String slug = base;
        for (int n = 2; !taken.add(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /**
     * Appends one content line, folded (RFC 5545 §3.1): at most 75 octets per physical line, CRLF excluded,
     * continuation lines starting with one space; splits only between code points, so every physical line is
     * valid UTF-8 on its own.
     */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4; // a lone surrogate, encoded as a 1-octet '?', is overcounted: still safe
    }
}
