package io.tandem.stats;

import io.tandem.engine.MemberId;
import io.tandem.modules.Modules;
import io.tandem.pairing.Pair;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.Seniority;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.Session;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import io.tandem.tips.Tip;
import io.tandem.tips.TipStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Computes {@link Contributions}: answers written, tips written, sessions given as mentor and thanks received in the
 * period, per seniority band, and the period's sessions by direction, so a lead can check the exchange goes both
 * ways; and the modules' completion of the pairs formed so far.
 */
@Component
public class ContributionStats {

    static final String UNKNOWN = "unknown";

    private final StatsStore store;
    private final ProfileStore profiles;
    private final QuestionStore questions;
    private final TipStore tips;
    private final SkillCatalog catalog;
    private final Modules modules;
    private final List<ThanksReceived> thanks;
    private final Clock clock;

    public ContributionStats(
            StatsStore store,
            ProfileStore profiles,
            QuestionStore questions,
            TipStore tips,
            SkillCatalog catalog,
            Modules modules,
            List<ThanksReceived> thanks,
            Clock clock) {
        this.store = store;
        this.profiles = profiles;
        this.questions = questions;
        this.tips = tips;
        this.catalog = catalog;
        this.modules = modules;
        this.thanks = List.copyOf(thanks);
        this.clock = clock;
    }

    public Contributions compute(String ws, Period period, Optional<String> skill) {
        Instant now = clock.instant();
        Instant from = period.from(now);
        Map<MemberId, Seniority> bands = new HashMap<>();
        Map<MemberId, Profile> all = profiles.findAll(profiles.members(ws));
        all.forEach((id, p) -> bands.put(id, p.seniority()));

        List<MemberId> answerAuthors = new ArrayList<>();
        for (Question q : store.questions(ws, from, now)) {
            if (q.hidden() || (skill.isPresent() && !skill.get().equals(q.skill()))) {
                continue;
            }
            for (Answer a : questions.answers(ws, q.id())) {
                if (!a.createdAt().isBefore(from) && !a.createdAt().isAfter(now)) {
                    answerAuthors.add(a.author());
                }
            }
        }
        List<MemberId> tipAuthors = new ArrayList<>();
        List<String> skills = skill.map(List::of)
                .orElseGet(() -> catalog.all().stream().map(Skill::id).toList());
        for (List<Tip> ofSkill : tips.tips(ws, skills).values()) {
            for (Tip t : ofSkill) {
                if (t.author() != null
                        && t.createdAt() != null
                        && !t.createdAt().isBefore(from)
                        && !t.createdAt().isAfter(now)) {
                    tipAuthors.add(t.author());
                }
            }
        }
        Map<String, Pair> pairs = new HashMap<>();
        store.pairs(ws, Instant.EPOCH, now).forEach(p -> pairs.put(p.id(), p));
        List<Pair> about = pairs.values().stream()
                .filter(p -> skill.isEmpty()
                        || p.skills().contains(skill.get())
                        || p.reverse().contains(skill.get()))
                .toList();
        List<List<MemberId>> given = new ArrayList<>();
        for (Session s : store.sessions(ws, from, now)) {
            Pair p = pairs.get(s.pairId());
            if (s.status() == Session.Status.SCHEDULED && p != null && about.contains(p)) {
                given.add(List.of(p.mentor(), p.mentee()));
            }
        }
        Map<MemberId, Long> thanked = new HashMap<>();
        thanks.forEach(t -> t.between(ws, from, now).forEach((m, n) -> thanked.merge(m, n, Long::sum)));
        return new Contributions(
                bands(bands, answerAuthors, tipAuthors, given, thanked),
                directions(bands, given),
                modules.completion(ws, about));
    }

    /** The figures per band, from who did what: the people of each band and each record's author. */
    static List<Contributions.Band> bands(
            Map<MemberId, Seniority> members,
            Collection<MemberId> answerAuthors,
            Collection<MemberId> tipAuthors,
            Collection<List<MemberId>> sessions,
            Map<MemberId, Long> thanked) {
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (Seniority s : Seniority.values()) {
            figures.put(s.id(), new long[5]);
        }
        figures.put(UNKNOWN, new long[5]);
        members.values().forEach(s -> figures.get(band(s))[0]++);
        answerAuthors.forEach(a -> count(members, a, figures, 1, 1));
        tipAuthors.forEach(a -> count(members, a, figures, 2, 1));
        sessions.forEach(s -> count(members, s.get(0), figures, 3, 1));
        thanked.forEach((m, n) -> count(members, m, figures, 4, n));
        return figures.entrySet().stream()
                .map(e -> new Contributions.Band(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .toList();
    }

    private static void count(
            Map<MemberId, Seniority> members, MemberId who, Map<String, long[]> figures, int at, long n) {
        if (who != null && members.containsKey(who)) {
            figures.get(band(members.get(who)))[at] += n;
        }
    }

    private static String band(Seniority s) {
        return s == null ? UNKNOWN : s.id();
    }

    /** The sessions (mentor, mentee) by direction, with the people who took part in each direction. */
    static List<Contributions.Direction> directions(
            Map<MemberId, Seniority> members, Collection<List<MemberId>> sessions) {
        Map<String, Long> count = new LinkedHashMap<>();
        Map<String, Set<MemberId>> people = new LinkedHashMap<>();
        for (String id : List.of("junior-to-senior", "senior-to-junior", "same-level", UNKNOWN)) {
            count.put(id, 0L);
            people.put(id, new HashSet<>());
        }
        for (List<MemberId> s : sessions) {
            Seniority mentor = members.get(s.get(0));
            Seniority mentee = members.get(s.get(1));
            String id = mentor == null || mentee == null
                    ? UNKNOWN
                    : mentor.rank() < mentee.rank()
                            ? "junior-to-senior"
                            : mentor.rank() > mentee.rank() ? "senior-to-junior" : "same-level";
            count.merge(id, 1L, Long::sum);
            people.get(id).addAll(s);
        }
        return count.keySet().stream()
                .map(id -> new Contributions.Direction(
                        id, count.get(id), people.get(id).size()))
                .toList();
    }
}
