package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.campaigns.CampaignRole;
import io.tandem.campaigns.CampaignStore;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.FakeSlackApi;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A lead publishes a programme's round of 5,000 pairs in Slack: 10,000 introductions (one to each learner, one to
 * the mentor of each pair) go through the delivery queue of two Tandem instances on one Redis to the fake Slack of
 * {@link FanOutBench}, which enforces Slack's limits. The time from the publish command until every introduction
 * arrived, against the least those limits allow; introductions lost and sent twice; and how long the publish
 * command takes to answer the lead. The programme's members are seeded straight into the stores (5,000 learners,
 * 2,500 mentors with 2 places, each learner wanting one of 50 skills that 50 mentors teach); the lead creates the
 * programme, matches and publishes through the engine, as a Slack slash command reaches it.
 */
@Tag("bench")
class PublishFanOutBench {

    private static final int LEARNERS = Integer.getInteger("bench.publish.learners", 5_000);
    private static final int PLACES = 2;
    private static final int MENTORS = LEARNERS / PLACES;
    private static final int SKILLS = 50;
    private static final String TEAM = FakeSlackApi.TEAM_ID;
    private static final String LEAD = "ULEAD";
    private static final String PROGRAMME = "bench-publish";
    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Test
    void publishingFiveThousandPairsWithTwoInstances() throws Exception {
        BenchResults results = new BenchResults("3-fan-out-slack-publish");
        String section = "Programme publish, Slack, 2 instances";
        FanOutTally tally = new FanOutTally(t -> t.startsWith("Programme " + PROGRAMME + ": you are paired with "));
        try (FakeSlackApi slack = tally.slack();
                TwoInstances tandem = TwoInstances.slack(
                        "bench-publish",
                        slack,
                        FanOutTally.OPERATOR_RATE,
                        "--tandem.leads=slack:" + TEAM + ":" + LEAD)) {
            ConversationEngine engine = tandem.bean(0, ConversationEngine.class);
            assertThat(lead(engine, "/mentor admin programme new " + PROGRAMME)).contains("is ready");
            seed(tandem);

            long matchStart = System.nanoTime();
            String matched = lead(engine, "/mentor admin programme match " + PROGRAMME);
            long matchTook = System.nanoTime() - matchStart;
            assertThat(matched).startsWith("Matching round for " + PROGRAMME);

            long start = System.nanoTime();
            String published = lead(engine, "/mentor admin programme publish " + PROGRAMME);
            long answered = System.nanoTime() - start;
            long deliveredMeanwhile = tally.delivered();
            CampaignStore campaigns = tandem.bean(0, CampaignStore.class);
            String workspace = MemberId.of(Platform.SLACK, TEAM, LEAD).workspace();
            long pairs = campaigns.pairs(workspace, PROGRAMME).size();
            long introductions = 2 * pairs;
            long took = tally.awaitAll(introductions, start);

            tally.report(
                    results,
                    section,
                    FanOutTally.load(introductions, LEARNERS + MENTORS),
                    took,
                    introductions,
                    FanOutTally.least(introductions, PLACES, FanOutTally.BUDGET_PER_SECOND),
                    slack.refused("chat.postMessage"));
            results.record(
                    section,
                    "pairs formed",
                    String.format(Locale.ROOT, "%,d", pairs),
                    String.format(Locale.ROOT, "%,d", LEARNERS),
                    pairs == LEARNERS);
            results.info(section, "publish command answered in", seconds(answered));
            results.info(
                    section, "introductions delivered by then", String.format(Locale.ROOT, "%,d", deliveredMeanwhile));
            results.info(section, "match command answered in", seconds(matchTook));
            assertThat(published).startsWith("Programme " + PROGRAMME + ": ");
        }
    }

    /**
     * The programme's members, seeded straight into the stores: learner {@code i} wants skill {@code i % 50}, mentor
     * {@code j} teaches skill {@code j % 50} with 2 places, so that every learner has a place.
     */
    private static void seed(TwoInstances tandem) {
        List<String> skills = tandem.bean(0, SkillCatalog.class).all().stream()
                .map(Skill::id)
                .sorted(Comparator.naturalOrder())
                .limit(SKILLS)
                .toList();
        List<Profile> people = new ArrayList<>();
        for (int i = 0; i < LEARNERS; i++) {
            people.add(person("UL" + i, "Learner " + i).withLearns(Set.of(skills.get(i % skills.size()))));
        }
        for (int j = 0; j < MENTORS; j++) {
            people.add(person("UM" + j, "Mentor " + j)
                    .withTeaches(Set.of(skills.get(j % skills.size())))
                    .withCapacity(PLACES));
        }
        tandem.bean(0, ProfileStore.class).saveAll(people);
        CampaignStore campaigns = tandem.bean(0, CampaignStore.class);
        for (Profile p : people) {
            campaigns.join(
                    p.id().workspace(),
                    PROGRAMME,
                    p.id(),
                    p.learns().isEmpty() ? CampaignRole.MENTOR : CampaignRole.LEARNER);
        }
    }

    private static Profile person(String user, String name) {
        return Profile.newcomer(MemberId.of(Platform.SLACK, TEAM, user), name, Language.EN, ZONE, Instant.EPOCH);
    }

    /** What the lead typed, as a Slack slash command reaches the engine; the text of the answer. */
    private static String lead(ConversationEngine engine, String text) {
        return engine.handle(ChatEvent.text(
                        Platform.SLACK, TEAM, LEAD, "Lead", Locale.ENGLISH, ZONE, "D" + LEAD, text, List.of()))
                .text();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
