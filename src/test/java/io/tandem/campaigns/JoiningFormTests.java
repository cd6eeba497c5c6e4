package io.tandem.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Joining a programme comes with a form: what the member wants to learn and teach in it, prefilled from their
 * profile. Names are prefixes of one another ({@code bob}, {@code bobby}, {@code bob.smith}).
 */
@EngineTest
class JoiningFormTests {

    @Autowired
    Profiles profiles;

    @Autowired
    TravelClock clock;

    @Autowired
    NudgeDispatcher dispatcher;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theInvitationsButtonShowsTheFormPrefilledAndWhatIsSavedFeedsTheNextRound(FakeChat chat) {
        // a Monday morning, in everyone's working hours: the invitations go out at once
        clock.travelTo(Instant.parse("2027-03-08T10:00:00Z"));
        chat.say("lena", "/mentor admin programme new seo-club skills seo, social media");
        CampaignsTests.profile(chat, "bob", "junior", "/mentor teach negotiation");
        CampaignsTests.profile(chat, "bobby", "junior", "/mentor teach public speaking");
        CampaignsTests.profile(chat, "bob.smith", "senior", "/mentor learn negotiation");
        chat.say("lena", "/mentor admin programme invite seo-club @bob.smith @bobby");
        dispatcher.runDue();

        // the invitation's first button joins to learn: only the learning field, prefilled, the programme's skills
        String invitation = chat.waitFor("bob.smith", 1).get(0);
        Reply joined = chat.click(
                "bob.smith",
                Locale.ENGLISH,
                JoiningCampaign.JOIN,
                FakeChat.value(invitation, JoiningCampaign.JOIN),
                Map.of());
        assertThat(joined.text()).contains("You joined programme seo-club, to learn");
        Block.Form form = form(joined);
        assertThat(form.actionId()).isEqualTo(JoiningForm.SAVE);
        assertThat(form.title()).isEqualTo("Skills for seo-club");
        assertThat(form.inputs()).extracting(Block.Input::id).containsExactly("learns");
        assertThat(form.inputs().get(0).initial()).isEqualTo("Negotiation");
        assertThat(form.inputs().get(0).label()).contains("SEO, Social media");

        // joining for both asks for both lists, each prefilled with the member's own skills
        Block.Form both = form(chat.click(
                "bobby",
                Locale.ENGLISH,
                JoiningCampaign.JOIN,
                ActionValue.of("programme", "seo-club", "role", "BOTH"),
                Map.of()));
        assertThat(both.inputs()).extracting(Block.Input::id).containsExactly("learns", "teaches");
        assertThat(both.inputs().get(0).initial()).isEmpty();
        assertThat(both.inputs().get(1).initial()).isEqualTo("Public speaking");

        Block.Form mentor = form(chat.say("bob", "/mentor join seo-club as mentor"));
        assertThat(mentor.inputs()).extracting(Block.Input::id).containsExactly("teaches");
        assertThat(mentor.inputs().get(0).initial()).isEqualTo("Negotiation");

        // before the form, the round has nothing to match bob.smith with
        assertThat(chat.say("lena", "/mentor admin programme match seo-club").text())
                .contains("bob.smith (@bob.smith): wants to learn nothing this programme covers");

        Reply bobSaved = submit(chat, "bob", mentor.value(), Map.of("teaches", "negotiation, seo"));
        assertThat(bobSaved.text()).contains("Saved for programme seo-club");
        Reply smithSaved = submit(chat, "bob.smith", form.value(), Map.of("learns", "negotiation, seo"));
        assertThat(smithSaved.text()).contains("Saved for programme seo-club");
        assertThat(smithSaved.blocks().toString()).contains("Negotiation, SEO");
        assertThat(profile("bob.smith").learns()).containsExactlyInAnyOrder("negotiation", "seo");
        assertThat(profile("bob").teaches()).containsExactlyInAnyOrder("negotiation", "seo");
        assertThat(profile("bobby").teaches()).containsExactly("public-speaking");

        assertThat(chat.say("lena", "/mentor admin programme match seo-club").text())
                .contains("bob.smith (@bob.smith) learns SEO from bob (@bob)");
    }

    @Test
    void aSkillThatCannotBeUsedComesBackUnderItsFieldWithWhatWasTypedAndNothingSaved(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new seo-club skills seo, social media");
        CampaignsTests.profile(chat, "bob", "senior", "/mentor learn negotiation");
        chat.say("bob", "/mentor teach public speaking");
        Block.Form form = form(chat.say("bob", "/mentor join seo-club"));

        Reply unreadable = submit(chat, "bob", form.value(), Map.of("learns", "seo, ???", "teaches", "seo"));
        Block.Form again = form(unreadable);
        assertThat(again.errors()).containsOnlyKeys("learns");
        assertThat(again.errors().get("learns")).contains("I can't read \"???\" as a skill");
        assertThat(again.inputs()).extracting(Block.Input::initial).containsExactly("seo, ???", "seo");

        Reply notCovered = submit(chat, "bob", form.value(), Map.of("learns", "basket weaving", "teaches", "seo"));
        assertThat(form(notCovered).errors().get("learns")).contains("Programme seo-club is about SEO, Social media");
        assertThat(form(notCovered).inputs().get(0).initial()).isEqualTo("basket weaving");

        Profile bob = profile("bob");
        assertThat(bob.learns()).containsExactly("negotiation");
        assertThat(bob.teaches()).containsExactly("public-speaking");
    }

    @Test
    void inFrench(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new club-seo skills seo");
        chat.say("bobby", Locale.FRENCH, "/mentor apprendre négociation");
        Reply joined = chat.say("bobby", Locale.FRENCH, "/mentor rejoindre club-seo comme apprenant");
        Block.Form form = form(joined);
        assertThat(form.title()).isEqualTo("Compétences : club-seo");
        assertThat(form.submitLabel()).isEqualTo("Enregistrer");
        assertThat(form.inputs().get(0).label()).startsWith("Qu'aimeriez-vous apprendre ? Ce programme porte sur");

        assertThat(form(submit(chat, "bobby", Locale.FRENCH, form.value(), Map.of("learns", "cuisine")))
                        .errors()
                        .get("learns"))
                .contains("Le programme club-seo porte sur");
        assertThat(submit(chat, "bobby", Locale.FRENCH, form.value(), Map.of("learns", "seo"))
                        .text())
                .contains("C'est enregistré pour le programme club-seo");
        assertThat(profile("bobby").learns()).containsExactly("seo");
    }

    @Test
    void aForgedOrStaleSubmissionIsRefusedKindlyAndChangesNothing(FakeChat chat) {
        chat.say("lena", "/mentor admin programme new seo-club skills seo");
        chat.say("bob", "/mentor learn negotiation");
        chat.say("bobby", "/mentor join seo-club as learner");

        assertThat(submit(chat, "bob", ActionValue.of("programme", "nowhere"), Map.of("learns", "seo"))
                        .text())
                .contains("Programme nowhere no longer exists");
        // bobby joined, bob did not: bob cannot write through bobby's programme
        assertThat(submit(chat, "bob", ActionValue.of("programme", "seo-club"), Map.of("learns", "seo"))
                        .text())
                .contains("You are not in programme seo-club");
        assertThat(submit(chat, "bob", "programme=%zz", Map.of("learns", "seo")).text())
                .contains("That button is out of date");
        assertThat(profile("bob").learns()).containsExactly("negotiation");

        // after leaving, the form left open is stale too
        chat.say("bobby", "/mentor leave seo-club");
        assertThat(submit(chat, "bobby", ActionValue.of("programme", "seo-club"), Map.of("learns", "seo"))
                        .text())
                .contains("You are not in programme seo-club");
        assertThat(profile("bobby").learns()).isEmpty();
    }

    private static Block.Form form(Reply reply) {
        List<Block.Form> forms = reply.blocks().stream()
                .filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast)
                .toList();
        assertThat(forms).as("the forms in: " + reply.text()).hasSize(1);
        return forms.get(0);
    }

    private static Reply submit(FakeChat chat, String user, String value, Map<String, String> fields) {
        return submit(chat, user, Locale.ENGLISH, value, fields);
    }

    private static Reply submit(FakeChat chat, String user, Locale locale, String value, Map<String, String> fields) {
        return chat.click(user, locale, JoiningForm.SAVE, value, fields);
    }

    private Profile profile(String user) {
        return profiles.find(new MemberId("console", user)).orElseThrow();
    }
}
