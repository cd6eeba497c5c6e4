package io.tandem.store;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A profile as a Redis hash, with short field names (memory matters at 100,000 members). */
final class ProfileHash {

    static final String NAME = "n";
    static final String HANDLE = "h";
    static final String LANGUAGE = "lang";
    static final String LOCALE = "loc";
    static final String ZONE = "tz";
    static final String ZONE_PINNED = "tzp";
    static final String SENIORITY = "sen";
    static final String TEAM = "team";
    static final String MANAGER = "mgr";
    static final String CAPACITY = "cap";
    static final String MENTEES = "cnt";
    static final String BIO = "bio";
    static final String PAUSED = "p";
    static final String TEACHES = "t";
    static final String LEARNS = "l";
    static final String JOINED = "j";
    /** Bumped by every write of the profile (not part of it): readers holding this version hold the profile. */
    static final String VERSION = "v";
    /** New each time the profile is created (first contact, or back after an erasure). */
    static final String GENERATION = "g";

    private ProfileHash() {}

    static Map<String, String> write(Profile p) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(NAME, p.name());
        h.put(HANDLE, p.handle());
        h.put(LANGUAGE, p.language() == null ? "" : p.language().code());
        h.put(LOCALE, p.locale().code());
        h.put(ZONE, p.zone() == null ? "" : p.zone().getId());
        h.put(ZONE_PINNED, p.zonePinned() ? "1" : "0");
        h.put(SENIORITY, p.seniority() == null ? "" : p.seniority().id());
        h.put(TEAM, p.team() == null ? "" : p.team());
        h.put(MANAGER, p.manager() == null ? "" : p.manager().toString());
        h.put(CAPACITY, String.valueOf(p.capacity()));
        h.put(MENTEES, String.valueOf(p.mentees()));
        h.put(BIO, p.bio() == null ? "" : p.bio());
        h.put(PAUSED, p.paused() ? "1" : "0");
        h.put(TEACHES, String.join(",", p.teaches()));
        h.put(LEARNS, String.join(",", p.learns()));
        h.put(JOINED, String.valueOf(p.joined().getEpochSecond()));
        return h;
    }

    /** Reads a hash back; {@code null} when the hash is empty (no such member). */
    static Profile read(MemberId id, Map<Object, Object> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Map<String, String> h = new LinkedHashMap<>();
        raw.forEach((k, v) -> h.put(String.valueOf(k), String.valueOf(v)));
        return new Profile(
                id,
                h.get(NAME),
                h.get(HANDLE),
                Language.parse(h.getOrDefault(LANGUAGE, "")).orElse(null),
                Language.parse(h.getOrDefault(LOCALE, "")).orElse(Language.EN),
                zone(h.get(ZONE)),
                "1".equals(h.get(ZONE_PINNED)),
                Seniority.parse(h.getOrDefault(SENIORITY, "")).orElse(null),
                blankToNull(h.get(TEAM)),
                MemberId.parse(h.get(MANAGER)).orElse(null),
                integer(h.get(CAPACITY), Profile.DEFAULT_CAPACITY),
                integer(h.get(MENTEES), 0),
                blankToNull(h.get(BIO)),
                "1".equals(h.get(PAUSED)),
                set(h.get(TEACHES)),
                set(h.get(LEARNS)),
                Instant.ofEpochSecond(number(h.get(JOINED), 0L)));
    }

    static Set<String> set(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(","))
                .filter(s -> !s.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int integer(String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Epoch seconds are read as a long: an int ends on 2038-01-19. */
    private static long number(String s, long fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
