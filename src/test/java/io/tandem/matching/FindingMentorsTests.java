package io.tandem.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingMentorsTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private final FindingMentors finding = new FindingMentors(null, CLOCK);

    private static Profile member(String handle, Seniority seniority, Set<String> teaches, Set<String> learns) {
        return new Profile(
                new MemberId("console", handle),
                handle,
                handle,
                null,
                Language.EN,
                PARIS,
                true,
                seniority,
                "Team",
                null,
                2,
                0,
                null,
                false,
                teaches,
                learns,
                Instant.EPOCH);
    }

    private final Profile senior = member("sam", Seniority.SENIOR, Set.of("negotiation"), Set.of("seo"));

    private List<String> ranked(Profile mentee, Profile... candidates) {
        return finding.rank(mentee, "seo", List.of(candidates), 5).stream()
                .map(m -> m.mentor().handle())
                .toList();
    }

    @Test
    void prefersAMentorMoreJuniorThanTheMentee() {
        Profile junior = member("jo", Seniority.JUNIOR, Set.of("seo"), Set.of());
        Profile peer = member("pat", Seniority.SENIOR, Set.of("seo"), Set.of());
        Profile exec = member("eve", Seniority.EXEC, Set.of("seo"), Set.of());
        Profile mid = member("max", Seniority.MID, Set.of("seo"), Set.of());
        assertThat(ranked(senior, exec, peer, mid, junior)).containsExactly("jo", "max", "pat", "eve");
    }

    @Test
    void prefersAMentorWhoWantsToLearnWhatTheMenteeTeaches() {
        Profile plain = member("aa", Seniority.JUNIOR, Set.of("seo"), Set.of("excel"));
        Profile reciprocal = member("zz", Seniority.JUNIOR, Set.of("seo"), Set.of("negotiation"));
        assertThat(ranked(senior, plain, reciprocal)).containsExactly("zz", "aa");
        MentorMatch match = finding.rank(senior, "seo", List.of(reciprocal), 1).get(0);
        assertThat(match.reasons())
                .extracting(MentorMatch.Reason::key)
                .contains("find.why.reciprocal", "find.why.reverse", "find.why.skill");
    }

    @Test
    void prefersSpareCapacityAndSharedWorkingHours() {
        Profile busy = withMentees(member("aa", Seniority.JUNIOR, Set.of("seo"), Set.of()), 1);
        Profile free = member("zz", Seniority.JUNIOR, Set.of("seo"), Set.of());
        assertThat(ranked(senior, busy, free)).containsExactly("zz", "aa");

        Profile far = member("aa", Seniority.JUNIOR, Set.of("seo"), Set.of()).withZone(ZoneId.of("Asia/Tokyo"));
        Profile near = member("zz", Seniority.JUNIOR, Set.of("seo"), Set.of());
        assertThat(ranked(senior, far, near)).containsExactly("zz", "aa");
        assertThat(finding.sharedWorkingHours(PARIS, ZoneId.of("America/New_York")))
                .isEqualTo(3);
        assertThat(finding.sharedWorkingHours(PARIS, ZoneId.of("Europe/London")))
                .isEqualTo(8);
        assertThat(finding.sharedWorkingHours(PARIS, ZoneId.of("Pacific/Auckland")))
                .isZero();
    }

    @Test
    void neverSuggestsYourselfAPausedOrFullMemberOrAnotherSkill() {
        Profile me = member("sam", Seniority.SENIOR, Set.of("seo"), Set.of("seo"));
        Profile paused = member("pa", Seniority.JUNIOR, Set.of("seo"), Set.of()).withPaused(true);
        Profile full = withMentees(member("fu", Seniority.JUNIOR, Set.of("seo"), Set.of()), 2);
        Profile other = member("ot", Seniority.JUNIOR, Set.of("sea"), Set.of());
        Profile ok = member("ok", Seniority.JUNIOR, Set.of("seo"), Set.of());
        assertThat(ranked(me, me, paused, full, other, ok)).containsExactly("ok");
    }

    @Test
    void neverSuggestsYourManagerOrYourDirectReport() {
        Profile report =
                member("rep", Seniority.JUNIOR, Set.of("seo"), Set.of()).withManager(senior.id());
        Profile boss = member("boss", Seniority.EXEC, Set.of("seo"), Set.of());
        Profile mentee = senior.withManager(boss.id());
        Profile stranger = member("str", Seniority.JUNIOR, Set.of("seo"), Set.of());
        assertThat(ranked(mentee, report, boss, stranger)).containsExactly("str");
    }

    @Test
    void returnsAtMostTheLimitInAStableOrder() {
        List<Profile> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(member("m" + (char) ('a' + i), Seniority.JUNIOR, Set.of("seo"), Set.of()));
        }
        List<MentorMatch> first = finding.rank(senior, "seo", many, 5);
        assertThat(first).hasSize(5);
        assertThat(first).extracting(m -> m.mentor().handle()).containsExactly("ma", "mb", "mc", "md", "me");
    }

    @Test
    void treatsUnknownSeniorityAsNeutral() {
        Profile unknown = member("un", null, Set.of("seo"), Set.of());
        Profile junior = member("jo", Seniority.JUNIOR, Set.of("seo"), Set.of());
        Profile exec = member("ex", Seniority.EXEC, Set.of("seo"), Set.of());
        assertThat(ranked(senior, exec, unknown, junior)).containsExactly("jo", "un", "ex");
    }

    private static Profile withMentees(Profile p, int mentees) {
        return new Profile(
                p.id(),
                p.name(),
                p.handle(),
                p.language(),
                p.locale(),
                p.zone(),
                p.zonePinned(),
                p.seniority(),
                p.team(),
                p.manager(),
                p.capacity(),
                mentees,
                p.bio(),
                p.paused(),
                p.teaches(),
                p.learns(),
                p.joined());
    }
}
