package io.tandem.slack;

import java.time.ZoneId;
import java.util.Locale;

/** What Slack says about a member (from {@code users.info}): shown name, timezone and locale, each may be null. */
public record SlackUser(String name, ZoneId zone, Locale locale, boolean admin, String email) {

    public SlackUser(String name, ZoneId zone, Locale locale) {
        this(name, zone, locale, false, null);
    }
}
