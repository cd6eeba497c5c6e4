package io.tandem.demo;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import io.tandem.skills.Skill;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic organisation of any size, the same for the same size (fixed seed): juniors mostly teach digital and
 * data skills and learn soft ones, seniors the reverse; managers are more senior than their reports. For load
 * tests and benchmarks.
 */
public final class SyntheticOrganisation {

    private static final String[] FIRST = {
        "Léa", "Hugo", "Chloé", "Lucas", "Emma", "Nathan", "Manon", "Louis", "Camille", "Jules", "Sarah", "Adam",
        "Inès", "Paul", "Olivia", "James", "Amelia", "Noah", "Mia", "Ethan", "Sofia", "Liam", "Zoé", "Arthur", "Jade",
        "Raphaël", "Grace", "Leo", "Nora", "Samuel"
    };
    private static final String[] LAST = {
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Wilson",
        "Evans",
        "Johnson",
        "Walker",
        "Roberts",
        "Wright",
        "Garcia",
        "Nguyen",
        "Chen",
        "Kowalski",
        "Rossi",
        "Müller",
        "Tremblay",
        "Singh"
    };
    private static final String[] TEAMS = {
        "Sales",
        "Marketing",
        "Finance",
        "HR",
        "Operations",
        "R&D",
        "IT",
        "Legal",
        "Customer care",
        "Supply chain",
        "Communication",
        "Strategy"
    };
    private static final String[] ZONES = {
        "Europe/Paris",
        "Europe/Paris",
        "Europe/Paris",
        "Europe/London",
        "Europe/London",
        "America/New_York",
        "America/Montreal",
        "Asia/Singapore"
    };
    private static final Set<String> JUNIOR_CATEGORIES = Set.of("digital", "data", "marketing");

    private SyntheticOrganisation() {}

    public static List<Profile> generate(int size, String workspace, List<Skill> skills, Instant joined) {
        Random random = new Random(42L + size);
        List<String> digital = skills.stream()
                .filter(s -> JUNIOR_CATEGORIES.contains(s.category()))
                .map(Skill::id)
                .toList();
        List<String> soft = skills.stream()
                .filter(s -> !JUNIOR_CATEGORIES.contains(s.category()))
                .map(Skill::id)
                .toList();
        List<Profile> profiles = new ArrayList<>(size);
        List<List<MemberId>> bySeniority = new ArrayList<>();
        for (int i = 0; i < Seniority.values().length; i++) {
            bySeniority.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            Seniority seniority = seniority(i, random);
            boolean young = seniority.rank() <= Seniority.MID.rank();
            String handle = "m" + i;
            MemberId id = new MemberId(workspace, handle);
            MemberId manager = manager(seniority, bySeniority, random);
            String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
            Set<String> teaches = pick(young ? digital : soft, young ? soft : digital, 1 + random.nextInt(3), random);
            Set<String> learns = pick(young ? soft : digital, young ? digital : soft, 1 + random.nextInt(3), random);
            learns.removeAll(teaches);
            ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
            Language language =
                    zone.getId().equals("Europe/Paris") || zone.getId().equals("America/Montreal")
                            ? Language.FR
                            : Language.EN;
            profiles.add(new Profile(
                    id,
                    name,
                    handle,
                    null,
                    language,
                    zone,
                    true,
                    seniority,
                    TEAMS[random.nextInt(TEAMS.length)],
                    manager,
                    1 + random.nextInt(3),
                    0,
                    null,
                    random.nextInt(50) == 0,
                    teaches,
                    learns,
                    joined));
            bySeniority.get(seniority.rank()).add(id);
        }
        return profiles;
    }

    private static Seniority seniority(int i, Random random) {
        if (i == 0) {
            return Seniority.EXEC;
        }
        int r = random.nextInt(100);
        return r < 40 ? Seniority.JUNIOR : r < 70 ? Seniority.MID : r < 95 ? Seniority.SENIOR : Seniority.EXEC;
    }

    private static MemberId manager(Seniority seniority, List<List<MemberId>> bySeniority, Random random) {
        for (int rank = Math.min(seniority.rank() + 1, Seniority.EXEC.rank()); rank <= Seniority.EXEC.rank(); rank++) {
            List<MemberId> candidates = bySeniority.get(rank);
            if (!candidates.isEmpty()) {
                return candidates.get(random.nextInt(candidates.size()));
            }
        }
        return null;
    }

    /** Mostly from {@code main}, sometimes one from {@code other}. */
    private static Set<String> pick(List<String> main, List<String> other, int count, Random random) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            List<String> from = random.nextInt(5) == 0 ? other : main;
            picked.add(from.get(random.nextInt(from.size())));
        }
        return picked;
    }
}
