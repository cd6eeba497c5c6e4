package io.tandem.matching;

import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Ranks mentors for a mentee and a skill. Candidates come from the store's skill index (a bounded number per
 * seniority band, most spare capacity first), so the cost does not grow with the organisation. Then:
 * <ul>
 *   <li>never the mentee, a paused member, a member with no spare capacity, or someone in the mentee's reporting
 *       line (their manager or a direct report);</li>
 *   <li><b>reverse direction</b>: a mentor more junior than the mentee scores highest (this is reverse mentoring),
 *       a peer next, a more senior mentor least;</li>
 *   <li><b>reciprocity</b>: the mentor wants to learn something the mentee teaches;</li>
 *   <li><b>spare capacity</b> and <b>timezone overlap</b> of working hours (09:00–18:00 local).</li>
 * </ul>
 * Ties go to the mentor with fewer mentees, then by name, so results are stable.
 */
@Component
public class FindingMentors {

    static final int REVERSE_BASE = 40;
    static final int REVERSE_PER_EXTRA_LEVEL = 10;
    static final int PEER = 15;
    static final int UNKNOWN_SENIORITY = 10;
    static final int RECIPROCITY_BASE = 25;
    static final int RECIPROCITY_PER_EXTRA_SKILL = 5;
    static final int RECIPROCITY_MAX = 35;
    static final int CAPACITY_PER_PLACE = 5;
    static final int CAPACITY_MAX = 12;
    static final int TIMEZONE_PER_HOUR = 2;
    static final int TIMEZONE_UNKNOWN = 9;
    static final int CANDIDATES_PER_BAND = 20;
    private static final LocalTime DAY_START = LocalTime.of(9, 0);
    private static final LocalTime DAY_END = LocalTime.of(18, 0);

    private final ProfileStore store;
    private final Clock clock;

    public FindingMentors(ProfileStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The best {@code limit} mentors of {@code skill} for {@code mentee}, best first. */
    public List<MentorMatch> find(Profile mentee, String skill, int limit) {
        List<MemberId> ids = store.teachers(mentee.id().workspace(), skill, CANDIDATES_PER_BAND);
        Map<MemberId, Profile> candidates = store.findAll(ids);
        return rank(mentee, skill, candidates.values(), limit);
    }

    List<MentorMatch> rank(Profile mentee, String skill, Iterable<Profile> candidates, int limit) {
        List<MentorMatch> matches = new ArrayList<>();
        for (Profile mentor : candidates) {
            if (eligible(mentee, mentor, skill)) {
                matches.add(score(mentee, mentor, skill));
            }
        }
        matches.sort(Comparator.comparingInt(MentorMatch::score)
                .reversed()
                .thenComparingInt(m -> m.mentor().mentees())
                .thenComparing(m -> m.mentor().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.mentor().id().toString()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : List.copyOf(matches);
    }

    static boolean eligible(Profile mentee, Profile mentor, String skill) {
        return !mentor.id().equals(mentee.id())
                && !mentor.paused()
                && mentor.spare() > 0
                && mentor.teaches().contains(skill)
                && !mentee.inReportingLineWith(mentor);
    }

    MentorMatch score(Profile mentee, Profile mentor, String skill) {
        List<MentorMatch.Reason> reasons = new ArrayList<>();
        reasons.add(new MentorMatch.Reason("find.why.skill", new SkillNames(List.of(skill))));
        int score = direction(mentee, mentor, reasons) + reciprocity(mentee, mentor, reasons);
        int places = mentor.spare();
        score += Math.min(CAPACITY_MAX, places * CAPACITY_PER_PLACE);
        reasons.add(new MentorMatch.Reason(places == 1 ? "find.why.capacity.one" : "find.why.capacity", places));
        score += timezone(mentee, mentor, reasons);
        return new MentorMatch(mentor, score, reasons);
    }

    private static int direction(Profile mentee, Profile mentor, List<MentorMatch.Reason> reasons) {
        if (mentee.seniority() == null || mentor.seniority() == null) {
            return UNKNOWN_SENIORITY;
        }
        int levels = mentee.seniority().rank() - mentor.seniority().rank();
        if (levels > 0) {
            reasons.add(new MentorMatch.Reason("find.why.reverse", mentor.seniority(), mentee.seniority()));
            return REVERSE_BASE + REVERSE_PER_EXTRA_LEVEL * (levels - 1);
        }
        if (levels == 0) {
            reasons.add(new MentorMatch.Reason("find.why.peer", mentor.seniority()));
            return PEER;
        }
        return 0;
    }

    private static int reciprocity(Profile mentee, Profile mentor, List<MentorMatch.Reason> reasons) {
        List<String> shared = mentor.learns().stream()
                .filter(mentee.teaches()::contains)
                .sorted()
                .toList();
        if (shared.isEmpty()) {
            return 0;
        }
        reasons.add(new MentorMatch.Reason("find.why.reciprocal", new SkillNames(shared)));
        return Math.min(RECIPROCITY_MAX, RECIPROCITY_BASE + RECIPROCITY_PER_EXTRA_SKILL * (shared.size() - 1));
    }

    private int timezone(Profile mentee, Profile mentor, List<MentorMatch.Reason> reasons) {
        if (mentee.zone() == null || mentor.zone() == null) {
            return TIMEZONE_UNKNOWN;
        }
        long hours = sharedWorkingHours(mentee.zone(), mentor.zone());
        if (hours >= 8) {
            reasons.add(new MentorMatch.Reason("find.why.timezone.same"));
        } else if (hours > 0) {
            reasons.add(new MentorMatch.Reason("find.why.timezone.some", hours));
        } else {
            reasons.add(new MentorMatch.Reason(
                    "find.why.timezone.none", mentor.zone().getId()));
        }
        return (int) hours * TIMEZONE_PER_HOUR;
    }

    /** Whole hours of 09:00–18:00 the two zones share on the coming Wednesday (a plain working day). */
    long sharedWorkingHours(ZoneId a, ZoneId b) {
        LocalDate day = LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        if (sharedHours.size() > SHARED_HOURS_KEPT) {
            sharedHours.clear();
        }
        // a search compares one zone with a handful of others, again and again: work each pair out once a week
        return sharedHours.computeIfAbsent(new ZonePair(day, a, b), pair -> sharedWorkingHours(day, a, b));
    }

    private record ZonePair(LocalDate day, ZoneId a, ZoneId b) {}

    private static final int SHARED_HOURS_KEPT = 10_000;
    private final Map<ZonePair, Long> sharedHours = new ConcurrentHashMap<>();

    private static long sharedWorkingHours(LocalDate day, ZoneId a, ZoneId b) {
        Instant start = max(
                day.atTime(DAY_START).atZone(a).toInstant(),
                day.atTime(DAY_START).atZone(b).toInstant());
        Instant end = min(
                day.atTime(DAY_END).atZone(a).toInstant(),
                day.atTime(DAY_END).atZone(b).toInstant());
        return end.isAfter(start) ? Duration.between(start, end).toHours() : 0;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Skill ids in a reason, shown by name in the reader's language. */
    public record SkillNames(List<String> ids) {
        public SkillNames {
            ids = List.copyOf(ids);
        }
    }
}
