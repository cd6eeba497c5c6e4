package io.tandem.campaigns;

import static io.tandem.campaigns.CampaignsTests.profile;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.pairing.PairStore;
import io.tandem.privacy.MemberData;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RedisContents;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A programme over several rounds: what changed since the last one, learners left over told why at publishing,
 * those already matched left out of later rounds, and a lead closing it. Names are prefixes of one another.
 */
@EngineTest
class ProgrammeRoundsTests {

    @Autowired
    CampaignStore store;

    @Autowired
    PairStore pairs;

    @Autowired
    MemberData data;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void theNextRoundSaysWhatChangedAndThoseLeftOverAreToldWhyInTheirLanguage(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new relay skills seo, social media");
        profile(chat, "bob", "junior", "/mentor teach seo");
        chat.say("bob", "/mentor set capacity 1");
        profile(chat, "bobby", "mid", "/mentor teach seo");
        chat.say("bobby", "/mentor set capacity 1");
        profile(chat, "bob.smith", "exec", "/mentor learn seo");
        profile(chat, "bobbie", "senior", "/mentor learn seo");
        profile(chat, "bo", "senior", "/mentor learn social media");
        chat.say("bo", Locale.FRENCH, "/mentor set langue fr");
        profile(chat, "bobo", "senior", "/mentor learn negotiation");
        chat.say("bob", "/mentor join relay as mentor");
        chat.say("bobby", "/mentor join relay as mentor");
        for (String learner : List.of("bob.smith", "bobbie", "bo", "bobo")) {
            chat.say(learner, "/mentor join relay as learner");
        }

        String first = chat.say("lena", "/mentor admin programme match relay").text();
        assertThat(first)
                .contains("2 of 4 learners matched")
                .contains("bob.smith (@bob.smith) learns SEO from bob (@bob)")
                .doesNotContain("Changed since");

        chat.say("lena", "/mentor admin programme unpair relay @bob.smith @bob");
        String second = chat.say("lena", "/mentor admin programme match relay").text();
        assertThat(second)
                .contains("Changed since round 1")
                .contains("bob.smith (@bob.smith): now with bobby (@bobby) (was with bob (@bob))")
                .contains("bobbie (@bobbie): now with bob (@bob) (was with bobby (@bobby))");
        assertThat(chat.say("lena", "/mentor admin programme match relay").text())
                .contains("The same pairs as round 2");

        String published =
                chat.say("lena", "/mentor admin programme publish relay").text();
        assertThat(published).contains("2 of 2 pairs formed", "The 2 learners left over were told why");
        assertThat(chat.waitFor("bo", 1).stream().filter(n -> n.contains("programme.left-over")))
                .singleElement()
                .asString()
                .contains("personne dans le programme n'enseigne encore");
        assertThat(chat.waitFor("bobo", 1).stream().filter(n -> n.contains("programme.left-over")))
                .singleElement()
                .asString()
                .contains("you want to learn nothing it is about", "/mentor learn");
        assertThat(chat.inbox("bob.smith").stream().filter(n -> n.contains("programme.left-over")))
                .isEmpty();

        // the next round is for those still without a mentor: the pairs just published are neither proposed nor
        // counted as changes
        profile(chat, "bobbi", "junior", "/mentor teach social media");
        chat.say("bobbi", "/mentor join relay as mentor");
        String third = chat.say("lena", "/mentor admin programme match relay").text();
        assertThat(third)
                .contains("2 learners already have a mentor from this programme")
                .contains("1 of 2 learners matched")
                .contains("bo (@bo) learns Social media from bobbi (@bobbi)")
                .contains("bo (@bo): now with bobbi (@bobbi) (had no mentor)")
                .doesNotContain("bob.smith (@bob.smith): no mentor now");
        assertThat(pairs.pairs(new MemberId("console", "bob.smith"))).hasSize(1);

        // the last round proposed names bob: erasing him leaves nothing of his, and bobby's name stays (what was
        // already delivered to others stays theirs, as on Slack and Teams: the console inboxes are left out)
        data.erase(new MemberId("console", "bob"));
        String everything = RedisContents.text(redis)
                .lines()
                .filter(line -> !line.contains(":inbox:"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(everything).doesNotContainPattern("(?<![\\w.])bob(?![\\w.])").contains("bobby", "bob.smith");
    }

    @Test
    void aClosedProgrammeTakesNoOneNewAndMakesNoRoundButItsFunnelStays(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new wrap skills seo");
        profile(chat, "bob", "junior", "/mentor teach seo");
        profile(chat, "bob.smith", "senior", "/mentor learn seo");
        chat.say("bob", "/mentor join wrap as mentor");
        chat.say("bob.smith", "/mentor join wrap as learner");
        chat.say("lena", "/mentor admin programme match wrap");
        chat.say("lena", "/mentor admin programme publish wrap");

        assertThat(chat.say("bob", "/mentor admin programme close wrap").text()).contains("programme leads");
        assertThat(chat.say("lena", "/mentor admin programme close wrap").text())
                .contains("Programme wrap is closed", "Its 1 pairs go on");
        assertThat(chat.say("lena", "/mentor admin programme close wrap").text())
                .contains("was already closed");
        for (String refused : List.of(
                "/mentor admin programme invite wrap @bobby",
                "/mentor admin programme match wrap",
                "/mentor admin programme publish wrap")) {
            assertThat(chat.say("lena", refused).text()).as(refused).contains("Programme wrap is closed");
        }
        assertThat(chat.say("bobby", "/mentor join wrap").text()).contains("Programme wrap is closed");
        assertThat(store.members("console", "wrap")).hasSize(2);
        assertThat(chat.say("lena", "/mentor admin programme list").text()).contains("(closed)", "wrap");
        assertThat(chat.say("lena", "/stats programme wrap").text()).contains("Programme wrap", "matched <5 pairs");
        assertThat(chat.say("lena", Locale.FRENCH, "/mentor admin programme clore wrap")
                        .text())
                .contains("déjà");
        // a member may still leave a closed programme
        assertThat(chat.say("bob", "/mentor leave wrap").text()).contains("You left programme wrap");
    }

    @Test
    void statsProgrammeIsForLeadsAndNamesAnUnknownProgrammeKindly(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new alpha");
        chat.say("lena", "/mentor admin programme new alphabet");
        assertThat(chat.say("bob", "/stats programme alpha").text()).contains("programme leads");
        assertThat(chat.say("lena", "/stats programme alp").text()).contains("There is no programme called alp");
        assertThat(chat.say("lena", "/stats programme alpha").text())
                .contains("Programme alpha")
                .doesNotContain("alphabet");
        assertThat(chat.say("lena", "/stats programme").text()).contains("alpha", "alphabet");
        assertThat(chat.say("lena", Locale.FRENCH, "/stats programme alpha").text())
                .contains("Programme alpha");
    }
}
