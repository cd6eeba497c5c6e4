package io.tandem.console;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The console API's request bodies, and the checks that turn bad ones into a 400 with a clear message. */
final class ConsoleRequests {

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private ConsoleRequests() {}

    record MessageRequest(String user, String text, String locale, String timezone) {}

    record ActionRequest(
            String user, String action, String value, Map<String, String> fields, String locale, String timezone) {}

    /** Thrown for a request the console cannot take; answered with 400 and the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    static String handle(String user) {
        if (user == null || user.isBlank()) {
            throw new BadRequest("Missing field \"user\": the handle you are chatting as, e.g. \"alice\".");
        }
        String h = user.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        if (!HANDLE.matcher(h).matches()) {
            throw new BadRequest("\"user\" must be a handle of up to 40 letters, digits, dots, dashes or"
                    + " underscores, e.g. \"alice\".");
        }
        return h;
    }

    static String required(String value, String field, String example) {
        if (value == null) {
            throw new BadRequest("Missing field \"" + field + "\", e.g. " + example + ".");
        }
        return value;
    }

    /** Null when not given (the member's stored language is kept). */
    static Locale locale(String locale) {
        if (locale == null || locale.isBlank()) {
            return null;
        }
        Locale l = Locale.forLanguageTag(locale.strip().replace('_', '-'));
        if (l.getLanguage().isEmpty()) {
            throw new BadRequest("\"locale\" must be a language tag such as \"en\" or \"fr\".");
        }
        return l;
    }

    /** Null when not given. */
    static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timezone.strip());
        } catch (DateTimeException e) {
            throw new BadRequest("\"timezone\" must be an IANA timezone such as \"Europe/Paris\".");
        }
    }
}
