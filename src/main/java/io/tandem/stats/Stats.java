package io.tandem.stats;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Seniority;
import io.tandem.qa.Question;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import io.tandem.tips.Tip;
import io.tandem.tips.TipStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Computes {@code /stats}: aggregates only, from the records of the period, never a check-in's text. */
@Component
public class Stats {

    static final int DEMAND_SHOWN = 10;
    static final int CONTRIBUTORS_SHOWN = 5;
    static final int WEEKS_CHARTED = 12;

    private final StatsStore store;
    private final ProfileStore profiles;
    private final TipStore tips;
    private final SkillCatalog catalog;
    private final Clock clock;
    private final List<ThanksReceived> thanks;

    public Stats(
            StatsStore store,
            ProfileStore profiles,
            TipStore tips,
            SkillCatalog catalog,
            Clock clock,
            List<ThanksReceived> thanks) {
        this.thanks = List.copyOf(thanks);
        this.store = store;
        this.profiles = profiles;
        this.tips = tips;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The figures for a workspace over a period, for one skill or all: what {@code /stats} and the dashboard show. */
    public StatsReport compute(String ws, Period period, Optional<String> skill) {
        Instant now = clock.instant();
        Instant from = period.from(now);
        Predicate<String> about = s -> skill.isEmpty() || skill.get().equals(s);

        Map<String, Pair> allPairs = new HashMap<>();
        store.pairs(ws, Instant.EPOCH, now).forEach(p -> allPairs.put(p.id(), p));
        Predicate<Pair> pairAbout = p -> skill.isEmpty()
                || p.skills().contains(skill.get())
                || p.reverse().contains(skill.get());

        // pairs formed in the period, and how many are reverse (the mentor more junior than the mentee)
        List<Pair> formed = allPairs.values().stream()
                .filter(pairAbout)
                .filter(p -> p.createdAt() != null
                        && !p.createdAt().isBefore(from)
                        && !p.createdAt().isAfter(now))
                .toList();
        Set<MemberId> people = new HashSet<>();
        formed.forEach(p -> {
            people.add(p.mentor());
            people.add(p.mentee());
        });
        Map<MemberId, Profile> known = profiles.findAll(people);
        long reverse = formed.stream().filter(p -> isReverse(p, known)).count();

        // requests
        List<MentoringRequest> requests = store.requests(ws, from, now).stream()
                .filter(r -> about.test(r.skill()))
                .toList();
        List<Duration> answerTimes = requests.stream()
                .filter(r -> r.answeredAt() != null
                        && (r.status() == MentoringRequest.Status.ACCEPTED
                                || r.status() == MentoringRequest.Status.DECLINED))
                .map(r -> Duration.between(r.createdAt(), r.answeredAt()))
                .toList();

        // every session the report needs, read once: the period's, the chart's weeks and the planned ones
        Instant chartFrom = chartStart(now).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Session> sessions =
                store.sessions(ws, from.isBefore(chartFrom) ? from : chartFrom, now.plus(Duration.ofDays(366)));

        // sessions of the period, and what their check-ins say
        List<Session> past = within(sessions, from, now).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .filter(s -> Optional.ofNullable(allPairs.get(s.pairId()))
                        .map(pairAbout::test)
                        .orElse(skill.isEmpty()))
                .toList();
        Map<String, List<CheckIn>> bySession = new HashMap<>();
        Set<String> pastIds = new HashSet<>();
        past.forEach(s -> pastIds.add(s.id()));
        for (CheckIn c : store.checkIns(ws, from, now)) {
            if (pastIds.contains(c.sessionId())) {
                bySession.computeIfAbsent(c.sessionId(), k -> new ArrayList<>()).add(c);
            }
        }
        long held = 0;
        long missed = 0;
        for (List<CheckIn> checks : bySession.values()) {
            if (checks.stream().anyMatch(c -> c.met() == CheckIn.Met.YES)) {
                held++;
            } else if (checks.stream().anyMatch(c -> c.met() == CheckIn.Met.NO)) {
                missed++;
            }
        }
        List<CheckIn> checkIns =
                bySession.values().stream().flatMap(List::stream).toList();
        List<Integer> ratings = checkIns.stream()
                .map(CheckIn::usefulness)
                .filter(u -> u >= 1 && u <= 5)
                .toList();
        Double usefulness = ratings.isEmpty()
                ? null
                : ratings.stream().mapToInt(Integer::intValue).average().orElse(0);

        // time from pairing to the first session, for pairs formed in the period
        Map<String, Instant> firstSession = new HashMap<>();
        for (Session s : within(sessions, from, now.plus(Duration.ofDays(366)))) {
            if (s.status() == Session.Status.SCHEDULED) {
                firstSession.merge(s.pairId(), s.start(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<Duration> toFirst = formed.stream()
                .filter(p -> firstSession.containsKey(p.id()))
                .map(p -> Duration.between(p.createdAt(), firstSession.get(p.id())))
                .filter(d -> !d.isNegative())
                .toList();

        // questions
        List<Question> questions = store.questions(ws, from, now).stream()
                .filter(q -> !q.hidden())
                .filter(q -> about.test(q.skill()))
                .toList();
        Map<String, Instant> first =
                store.firstAnswers(ws, questions.stream().map(Question::id).toList());
        List<Duration> toAnswer = questions.stream()
                .filter(q -> first.containsKey(q.id()))
                .map(q -> Duration.between(q.createdAt(), first.get(q.id())))
                .toList();

        // tips
        List<String> skills = skill.map(List::of)
                .orElseGet(() -> catalog.all().stream().map(Skill::id).toList());
        long written = 0;
        for (List<Tip> ofSkill : tips.tips(ws, skills).values()) {
            for (Tip t : ofSkill) {
                if (t.createdAt() != null
                        && !t.createdAt().isBefore(from)
                        && !t.createdAt().isAfter(now)) {
                    written++;
                }
            }
        }
        LocalDate fromDay = period == Period.ALL
                ? now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(3L * 365)
                : from.atZone(ZoneOffset.UTC).toLocalDate();
        Map<String, Long> counters =
                store.counters(ws, fromDay, now.atZone(ZoneOffset.UTC).toLocalDate());

        // each pair's activity in the period (for the export)
        Map<MemberId, Profile> everyone = profiles.findAll(allPairs.values().stream()
                .flatMap(p -> Stream.of(p.mentor(), p.mentee()))
                .collect(Collectors.toSet()));
        List<StatsReport.PairActivity> activity = allPairs.values().stream()
                .filter(pairAbout)
                .sorted(Comparator.comparing((Pair p) -> p.createdAt() == null ? Instant.EPOCH : p.createdAt())
                        .thenComparing(Pair::id))
                .map(p -> {
                    List<Session> mine =
                            past.stream().filter(x -> x.pairId().equals(p.id())).toList();
                    long pairHeld = mine.stream()
                            .filter(x -> bySession.getOrDefault(x.id(), List.of()).stream()
                                    .anyMatch(c -> c.met() == CheckIn.Met.YES))
                            .count();
                    long pairMissed = mine.stream()
                            .filter(x -> {
                                List<CheckIn> cs = bySession.getOrDefault(x.id(), List.of());
                                return cs.stream().noneMatch(c -> c.met() == CheckIn.Met.YES)
                                        && cs.stream().anyMatch(c -> c.met() == CheckIn.Met.NO);
                            })
                            .count();
                    return new StatsReport.PairActivity(
                            p.id().substring(0, Math.min(8, p.id().length())),
                            new TreeSet<>(p.skills()),
                            p.createdAt() == null
                                    ? null
                                    : p.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                            p.status().name().toLowerCase(Locale.ROOT),
                            isReverse(p, everyone),
                            mine.size(),
                            pairHeld,
                            pairMissed);
                })
                .toList();

        return new StatsReport(
                period,
                skill.orElse(null),
                store.members(ws) - store.paused(ws),
                store.paused(ws),
                formed.size(),
                reverse,
                requests.size(),
                count(requests, MentoringRequest.Status.ACCEPTED),
                count(requests, MentoringRequest.Status.DECLINED),
                count(requests, MentoringRequest.Status.EXPIRED),
                median(answerTimes),
                answerTimes.size(),
                past.size(),
                held,
                missed,
                median(toFirst),
                toFirst.size(),
                checkIns.size(),
                past.size() * 2L,
                usefulness,
                ratings.size(),
                questions.size(),
                toAnswer.size(),
                median(toAnswer),
                questions.size() - toAnswer.size(),
                written,
                counters.getOrDefault("nudge.tip:delivered", 0L),
                counters.getOrDefault("tips.useful", 0L),
                demand(ws, skills),
                contributors(ws, past, allPairs, from, now),
                weeks(within(sessions, chartFrom, now), now, allPairs, pairAbout),
                activity);
    }

    /** Whether anyone teaches or learns a free tag (a lead may filter by one; a typo is refused). */
    boolean inUse(String ws, String tag) {
        return !store.learnerCounts(ws, List.of(tag)).isEmpty()
                || !profiles.teacherCounts(ws, List.of(tag)).isEmpty();
    }

    private static boolean isReverse(Pair p, Map<MemberId, Profile> known) {
        return Seniority.reverse(known.get(p.mentor()), known.get(p.mentee()));
    }

    private static long count(List<MentoringRequest> requests, MentoringRequest.Status status) {
        return requests.stream().filter(r -> r.status() == status).count();
    }

    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** The most wanted skills, with how many can teach each: the gap list. */
    private List<StatsReport.Demand> demand(String ws, List<String> skills) {
        Map<String, Long> learners = store.learnerCounts(ws, skills);
        Map<String, Long> teachers = profiles.teacherCounts(ws, learners.keySet());
        return learners.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(DEMAND_SHOWN)
                .map(e -> new StatsReport.Demand(e.getKey(), e.getValue(), teachers.getOrDefault(e.getKey(), 0L)))
                .toList();
    }

    /** Weights of the top contributors' score (README "Recognition"). */
    static final long THANKS_WEIGHT = 3;

    static final long SESSION_WEIGHT = 2;
    static final long ANSWER_WEIGHT = 2;
    static final long TIP_WEIGHT = 1;

    /**
     * Thanks received and sessions given as mentor in the period, answers marked helpful and tips found useful (all
     * time), each with its weight. Only names are shown, never a score or a count.
     */
    private List<String> contributors(
            String ws, List<Session> past, Map<String, Pair> pairs, Instant from, Instant now) {
        Map<MemberId, Long> score = new LinkedHashMap<>();
        for (Session s : past) {
            Pair p = pairs.get(s.pairId());
            if (p != null) {
                score.merge(p.mentor(), SESSION_WEIGHT, Long::sum);
            }
        }
        store.helpfulAnswers(ws).forEach((m, n) -> score.merge(m, ANSWER_WEIGHT * n, Long::sum));
        store.usefulTips(ws).forEach((m, n) -> score.merge(m, TIP_WEIGHT * n, Long::sum));
        thanks.forEach(t -> t.between(ws, from, now).forEach((m, n) -> score.merge(m, THANKS_WEIGHT * n, Long::sum)));
        score.keySet().removeIf(MemberId::formerMember);
        List<MemberId> top = score.entrySet().stream()
                .sorted(Map.Entry.<MemberId, Long>comparingByValue()
                        .reversed()
                        .thenComparing(e -> e.getKey().toString()))
                .limit(CONTRIBUTORS_SHOWN)
                .map(Map.Entry::getKey)
                .toList();
        Map<MemberId, Profile> known = profiles.findAll(top);
        return top.stream()
                .map(known::get)
                .filter(Objects::nonNull)
                .map(Profile::label)
                .toList();
    }

    /** The Monday of the first week the chart shows. */
    private static LocalDate chartStart(Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(WEEKS_CHARTED - 1L);
    }

    /** The sessions starting between two moments, both included (as the store's range reads). */
    private static List<Session> within(List<Session> sessions, Instant from, Instant to) {
        return sessions.stream()
                .filter(s -> !s.start().isBefore(from) && !s.start().isAfter(to))
                .toList();
    }

    /** Sessions per week over the last weeks, for the chart. */
    private static List<StatsReport.Week> weeks(
            List<Session> charted, Instant now, Map<String, Pair> pairs, Predicate<Pair> about) {
        LocalDate first = chartStart(now);
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < WEEKS_CHARTED; i++) {
            counts.put(first.plusWeeks(i), 0L);
        }
        for (Session s : charted) {
            if (s.status() == Session.Status.SCHEDULED
                    && Optional.ofNullable(pairs.get(s.pairId()))
                            .map(about::test)
                            .orElse(false)) {
                LocalDate week = s.start()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                counts.computeIfPresent(week, (k, v) -> v + 1);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new StatsReport.Week(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(StatsReport.Week::start))
                .toList();
    }
}
