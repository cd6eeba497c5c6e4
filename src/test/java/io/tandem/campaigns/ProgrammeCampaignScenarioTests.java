package io.tandem.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.ActionValue;
import io.tandem.engine.MemberId;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.support.FakeChat;
import io.tandem.support.SharedRedisInstances;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A whole campaign in the console, as GE ran it, on two Tandem instances sharing one Redis: a lead starts a
 * programme for the executives, invites them by seniority, they and the juniors join (some through the invitation's
 * button), the round pairs them without a reporting-line pair and within every mentor's places, the lead forbids a
 * pair and matches again, both instances publish at the same moment (each introduction sent once), the pairs meet
 * (time travel) and the status shows the funnel. Handles are words and prefixes of one another.
 */
class ProgrammeCampaignScenarioTests {

    private static final Pattern PAIR = Pattern.compile("(\\S+) \\(@\\S+\\) learns \\S+(?: \\S+)? from (\\S+) \\(@");
    private static final List<String> EXECS = List.of("ceo", "ceo.office", "cfo", "cfoo", "coo", "cmo", "cto");
    private static final List<String> JUNIORS = List.of("ann", "anna", "anne", "annie");

    private static SharedRedisInstances tandem;
    private static FakeChat one;
    private static FakeChat two;

    @BeforeAll
    static void start() {
        tandem = SharedRedisInstances.start(2, "--tandem.leads=console:lena");
        one = new FakeChat(tandem.engine(0), tandem.bean(0, ConsoleInbox.class));
        two = new FakeChat(tandem.engine(1), tandem.bean(1, ConsoleInbox.class));
    }

    @AfterAll
    static void stop() {
        tandem.close();
    }

    private static void travelTo(Instant at) {
        for (int i = 0; i < tandem.size(); i++) {
            tandem.bean(i, TravelClock.class).travelTo(at);
        }
    }

    @Test
    void aLeadRunsAProgrammeForTheExecutivesFromInvitationToTheFunnel() throws Exception {
        // Monday 10:00 in Paris, everyone's working hours
        Instant monday = Instant.parse("2027-03-08T09:00:00Z");
        travelTo(monday);
        one.say("lena", "/mentor admin programme new execs-2027 skills seo, social media, generative ai");
        for (String exec : EXECS) {
            one.say(exec, "/mentor set seniority exec");
            one.say(exec, "/mentor learn seo, social media");
        }
        for (String junior : JUNIORS) {
            two.say(junior, "/mentor set seniority junior");
            two.say(junior, "/mentor teach seo, social media");
            two.say(junior, "/mentor set capacity 2");
        }
        // ann reports to ceo: they must never be paired
        one.say("ann", "/mentor set manager @ceo");
        one.say("anne", "/mentor set capacity 1");

        String invited = one.say("lena", "/mentor admin programme invite execs-2027 seniority exec")
                .text();
        assertThat(invited).contains("7 invited now", "Everyone whose seniority is executive: 7 people");
        assertThat(two.say("lena", "/mentor admin programme invite execs-2027 team nowhere")
                        .text())
                .contains("nobody yet");
        assertThat(tandem.bean(0, NudgeDispatcher.class).runDue()
                        + tandem.bean(1, NudgeDispatcher.class).runDue())
                .isEqualTo(EXECS.size());

        // half the executives join through the invitation's button, on either instance; the juniors by command
        for (int i = 0; i < EXECS.size(); i++) {
            String exec = EXECS.get(i);
            String invitation = one.waitFor(exec, 1).get(0);
            assertThat(invitation).contains("lena invites you to programme execs-2027");
            FakeChat chat = i % 2 == 0 ? one : two;
            String joined = i < 4
                    ? chat.click(
                                    exec,
                                    Locale.ENGLISH,
                                    "programme.join",
                                    ActionValue.of("programme", "execs-2027", "role", "LEARNER"),
                                    Map.of())
                            .text()
                    : chat.say(exec, "/mentor join execs-2027 as learner").text();
            assertThat(joined).as(exec).contains("You joined programme execs-2027, to learn");
        }
        for (String junior : JUNIORS) {
            assertThat(two.say(junior, "/mentor join execs-2027 as mentor").text())
                    .contains("to mentor");
        }

        String first =
                one.say("lena", "/mentor admin programme match execs-2027").text();
        Map<String, String> round = pairs(first);
        assertThat(first).contains("7 of 7 learners matched", "100% of the pairs in the reverse direction");
        checkRound(round);

        // the lead forbids one pair and matches again: it is gone, the rest still holds
        Map.Entry<String, String> forbidden = round.entrySet().iterator().next();
        assertThat(two.say(
                                "lena",
                                "/mentor admin programme unpair execs-2027 @" + forbidden.getKey() + " @"
                                        + forbidden.getValue())
                        .text())
                .contains("will not be paired in execs-2027");
        String second =
                two.say("lena", "/mentor admin programme match execs-2027").text();
        Map<String, String> again = pairs(second);
        assertThat(again.get(forbidden.getKey())).isNotEqualTo(forbidden.getValue());
        assertThat(second).contains("Changed since round 1");
        // of the optimal rounds, the one closest to the last: forbidding one pair moves few people
        String changes = second.substring(second.indexOf("Changed since round 1"));
        assertThat(changes.lines().filter(l -> l.startsWith("• ")).count())
                .as(changes)
                .isBetween(1L, 3L);
        checkRound(again);

        // both instances publish at the same moment: one forms the pairs, the other is told it is done or under way
        List<String> replies = CampaignsTests.atOnce(List.of(
                () -> one.say("lena", "/mentor admin programme publish execs-2027")
                        .text(),
                () -> two.say("lena", "/mentor admin programme publish execs-2027")
                        .text()));
        assertThat(replies.stream().filter(r -> r.contains(again.size() + " of " + again.size() + " pairs formed")))
                .hasSize(1);
        assertThat(replies.stream().filter(r -> r.contains("already published") || r.contains("being published")))
                .hasSize(1);
        PairStore pairStore = tandem.bean(0, PairStore.class);
        for (Map.Entry<String, String> pair : again.entrySet()) {
            List<Pair> theirs = pairStore.pairs(new MemberId("console", pair.getKey()));
            assertThat(theirs).as(pair.getKey()).hasSize(1);
            assertThat(theirs.get(0).mentor().user()).isEqualTo(pair.getValue());
            assertThat(one.waitFor(pair.getKey(), 2).stream().filter(n -> n.contains("programme.pair")))
                    .as("one introduction for " + pair.getKey())
                    .hasSize(1);
        }
        for (String junior : JUNIORS) {
            int mentees = (int) again.values().stream().filter(junior::equals).count();
            assertThat(two.waitFor(junior, mentees).stream().filter(n -> n.contains("programme.pair")))
                    .as("one introduction per mentee of " + junior)
                    .hasSize(mentees);
        }

        // five pairs plan a session for tomorrow; a week later they have met
        int planned = 0;
        for (Map.Entry<String, String> pair : again.entrySet()) {
            if (planned == 5) {
                break;
            }
            assertThat(one.say(
                                    pair.getKey(),
                                    "/mentor schedule @" + pair.getValue() + " tomorrow " + (10 + planned) + ":00")
                            .text())
                    .doesNotContain("Sorry");
            planned++;
        }
        travelTo(monday.plus(Duration.ofDays(8)));
        String status =
                two.say("lena", "/mentor admin programme status execs-2027").text();
        assertThat(status)
                .contains("Invited 7 → joined 11 (7 learning, <5 mentoring) → matched 7 pairs → met 5")
                .contains("still meeting 5")
                .contains("(the mentor more junior): 100 %")
                // every pair is on SEO or social media, which have starter modules; no step done yet
                .contains("Modules: followed by 7 pairs, started by 0, completed by 0.")
                .contains("Top contributors");
        assertThat(one.say("lena", Locale.FRENCH, "/stats programme execs-2027").text())
                .contains("Programme execs-2027");
    }

    /** No reporting-line pair, nobody over their places, nobody twice. */
    private static void checkRound(Map<String, String> round) {
        ProfileStore profiles = tandem.bean(0, ProfileStore.class);
        Map<String, Integer> taken = new HashMap<>();
        round.forEach((learner, mentor) -> {
            Profile l = profiles.find(new MemberId("console", learner)).orElseThrow();
            Profile m = profiles.find(new MemberId("console", mentor)).orElseThrow();
            assertThat(l.inReportingLineWith(m)).as(learner + " and " + mentor).isFalse();
            taken.merge(mentor, 1, Integer::sum);
        });
        taken.forEach((mentor, count) -> {
            int places =
                    profiles.find(new MemberId("console", mentor)).orElseThrow().capacity();
            assertThat(count).as("places of " + mentor).isLessThanOrEqualTo(places);
        });
        assertThat(round.get("ceo")).isNotEqualTo("ann");
    }

    private static Map<String, String> pairs(String review) {
        Map<String, String> pairs = new HashMap<>();
        Matcher m = PAIR.matcher(review);
        while (m.find()) {
            assertThat(pairs.put(m.group(1), m.group(2)))
                    .as("learner twice: " + m.group(1))
                    .isNull();
        }
        return pairs;
    }
}
