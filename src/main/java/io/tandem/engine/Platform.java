package io.tandem.engine;

import java.util.Locale;
import java.util.Optional;

/** The chat platforms Tandem talks on. The id is the first part of every member id. */
public enum Platform {
    CONSOLE,
    SLACK,
    TEAMS;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromId(String id) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
