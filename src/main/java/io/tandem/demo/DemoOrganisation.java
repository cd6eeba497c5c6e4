package io.tandem.demo;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the demo organisation file: {@code handle | name | team | seniority | manager | language | timezone |
 * teaches | learns | capacity | bio}. Members become console members ({@code console:<handle>}).
 */
public final class DemoOrganisation {

    private DemoOrganisation() {}

    public static List<Profile> read(Reader reader, String workspace, Instant joined) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("\\|", -1);
                if (f.length != 11) {
                    throw new IllegalStateException(
                            "Demo organisation line " + number + " has " + f.length + " fields instead of 11: " + t);
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                rows.put(f[0], f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Profile> profiles = new ArrayList<>();
        for (String[] f : rows.values()) {
            MemberId manager = "-".equals(f[4]) || f[4].isEmpty() ? null : new MemberId(workspace, f[4]);
            profiles.add(new Profile(
                    new MemberId(workspace, f[0]),
                    f[1],
                    f[0],
                    null,
                    Language.parse(f[5]).orElse(Language.EN),
                    ZoneId.of(f[6]),
                    true,
                    Seniority.parse(f[3]).orElse(null),
                    f[2],
                    manager,
                    Integer.parseInt(f[9]),
                    0,
                    f[10].isEmpty() ? null : f[10],
                    false,
                    list(f[7]),
                    list(f[8]),
                    joined));
        }
        return profiles;
    }

    private static Set<String> list(String csv) {
        Set<String> items = new LinkedHashSet<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }
}
