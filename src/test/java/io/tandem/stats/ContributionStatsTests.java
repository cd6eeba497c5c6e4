package io.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.modules.Modules;
import io.tandem.profiles.Seniority;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seniority breakdown against a fixture computed by hand, and its masking of small bands. */
class ContributionStatsTests {

    private static MemberId m(String user) {
        return new MemberId("console", user);
    }

    /** Six juniors (j0…j5), five execs (e0…e4), two mids (m0, m1), one without seniority (x). */
    private static Map<MemberId, Seniority> members() {
        Map<MemberId, Seniority> out = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            out.put(m("j" + i), Seniority.JUNIOR);
        }
        for (int i = 0; i < 5; i++) {
            out.put(m("e" + i), Seniority.EXEC);
        }
        out.put(m("m0"), Seniority.MID);
        out.put(m("m1"), Seniority.MID);
        out.put(m("x"), null);
        return out;
    }

    @Test
    void countsEachBandAndDirectionAsComputedByHand() {
        // answers: j0 ×3, j1, e0 ×2, m0, a former member (not counted)
        List<MemberId> answers =
                List.of(m("j0"), m("j0"), m("j0"), m("j1"), m("e0"), m("e0"), m("m0"), MemberId.former("console"));
        // tips: e1, e2, j2
        List<MemberId> tips = List.of(m("e1"), m("e2"), m("j2"));
        // sessions (mentor, mentee): j0→e0, j1→e1, j2→e2, j3→e3, j4→e4 (junior to senior), e0→j5, m0→m1, x→j0
        List<List<MemberId>> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(List.of(m("j" + i), m("e" + i)));
        }
        sessions.add(List.of(m("e0"), m("j5")));
        sessions.add(List.of(m("m0"), m("m1")));
        sessions.add(List.of(m("x"), m("j0")));
        Map<MemberId, Long> thanked = Map.of(m("j0"), 4L, m("j1"), 2L, m("e3"), 1L, m("m1"), 7L);

        Map<String, Contributions.Band> bands =
                ContributionStats.bands(members(), answers, tips, sessions, thanked).stream()
                        .collect(Collectors.toMap(Contributions.Band::id, b -> b));
        assertThat(bands.get("junior")).isEqualTo(new Contributions.Band("junior", 6, 4, 1, 5, 6));
        assertThat(bands.get("exec")).isEqualTo(new Contributions.Band("exec", 5, 2, 2, 1, 1));
        assertThat(bands.get("mid")).isEqualTo(new Contributions.Band("mid", 2, 1, 0, 1, 7));
        assertThat(bands.get("senior")).isEqualTo(new Contributions.Band("senior", 0, 0, 0, 0, 0));
        assertThat(bands.get("unknown")).isEqualTo(new Contributions.Band("unknown", 1, 0, 0, 1, 0));

        Map<String, Contributions.Direction> directions = ContributionStats.directions(members(), sessions).stream()
                .collect(Collectors.toMap(Contributions.Direction::id, d -> d));
        assertThat(directions.get("junior-to-senior"))
                .isEqualTo(new Contributions.Direction("junior-to-senior", 5, 10));
        assertThat(directions.get("senior-to-junior")).isEqualTo(new Contributions.Direction("senior-to-junior", 1, 2));
        assertThat(directions.get("same-level")).isEqualTo(new Contributions.Direction("same-level", 1, 2));
        assertThat(directions.get("unknown")).isEqualTo(new Contributions.Direction("unknown", 1, 2));

        Contributions c = new Contributions(
                List.copyOf(bands.values()), List.copyOf(directions.values()), new Modules.Completion(20, 12, 10, 40));
        String shown = text(StatsView.render(
                StatsChartTests.report(), c, Messages.of(Language.EN), StatsChartTests.view(), Optional.empty()));
        assertThat(shown)
                .contains("Junior (6 people): <5 answers, <5 tips, 5 sessions given, 6 thanks received")
                .contains("Executive (5 people): <5 answers, <5 tips, <5 sessions given, <5 thanks received")
                // two mids, one without seniority: masked whole, whatever their figures (m1 was thanked 7 times)
                .contains("Mid-level: fewer than 5 people, not shown")
                .contains("Seniority not given: fewer than 5 people, not shown")
                .doesNotContain("7 thanks")
                .doesNotContain("Senior (")
                .contains("A junior teaching a more senior colleague: 5 sessions, 10 people")
                .contains("A senior teaching a more junior colleague: <5 sessions, <5 people")
                .contains("Completion", "50 %");
    }

    private static String text(Reply reply) {
        StringBuilder out = new StringBuilder();
        for (Block b : reply.blocks()) {
            out.append(b).append('\n');
        }
        return out.toString();
    }
}
