package io.tandem.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.Block;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.CommandRegistry;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.Mention;
import io.tandem.engine.Messages;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Conversations with the engine through a fake adapter, on the real embedded Redis. */
@EngineTest
class MentoringConversationTests {

    @Autowired
    ConversationEngine engine;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    CommandRegistry registry;

    FakeChat chat;

    @BeforeEach
    void freshOrganisation(FakeChat fresh) {
        chat = fresh;
        chat.say("bob", "/mentor set seniority junior");
        chat.say("bob", "/mentor teach seo, marketing automation");
        chat.say("bob", "/mentor learn negotiation");
        chat.say("carla", "/mentor set seniority mid");
        chat.say("carla", "/mentor teach SEO");
        chat.say("alice", "/mentor set seniority senior");
        chat.say("alice", "/mentor teach negotiation, public speaking");
    }

    private static List<String> names(Reply reply) {
        return FakeChat.cards(reply).stream().map(Block.Section::heading).toList();
    }

    @Test
    void findsMentorsMostJuniorAndReciprocalFirst() {
        Reply reply = chat.say("alice", "/mentor find seo");
        assertThat(reply.text()).startsWith("Mentors for SEO");
        assertThat(names(reply)).containsExactly("bob (@bob)", "carla (@carla)");
        Block.Section bob = FakeChat.cards(reply).get(0);
        assertThat(bob.text())
                .contains(
                        "Teaches SEO",
                        "Reverse pair: they are junior, you are senior",
                        "Wants to learn Negotiation, which you teach");
        assertThat(bob.buttons()).extracting(Block.Button::label).containsExactly("Request", "Profile");
        assertThat(bob.buttons().get(0).value()).contains("mentor=console%3Abob", "skill=seo");
    }

    @Test
    void speaksFrenchToAFrenchSpeaker() {
        Reply reply = chat.say("alice", Locale.FRENCH, "mentor cherche référencement");
        assertThat(reply.text()).startsWith("Mentors : Référencement naturel");
        assertThat(FakeChat.cards(reply).get(0).buttons())
                .extracting(Block.Button::label)
                .containsExactly("Demander", "Profil");
        assertThat(FakeChat.cards(reply).get(0).text()).contains("Binôme inversé");
    }

    @Test
    void understandsEveryWayOfTypingTheSameCommand() {
        for (String line : List.of(
                "find seo",
                "@tandem find seo",
                "<@U1> find seo",
                "<at>Tandem</at> find seo",
                "/MENTOR FIND Search Engine Optimisation",
                "/mentor find seoo",
                "/mentor chercher SEO")) {
            assertThat(names(chat.say("alice", line))).as(line).containsExactly("bob (@bob)", "carla (@carla)");
        }
    }

    @Test
    void neverSuggestsAPausedMemberUntilTheyResume() {
        assertThat(chat.say("bob", "/mentor pause").text()).contains("You're paused");
        assertThat(names(chat.say("alice", "/mentor find seo"))).containsExactly("carla (@carla)");
        assertThat(chat.say("bob", "/mentor pause").text()).contains("already paused");
        assertThat(chat.say("bob", "/mentor resume").text()).contains("Welcome back");
        assertThat(names(chat.say("alice", "/mentor find seo"))).containsExactly("bob (@bob)", "carla (@carla)");
    }

    @Test
    void neverSuggestsSomeoneInYourReportingLine() {
        assertThat(chat.say("bob", "/mentor set manager @alice").text()).isEqualTo("Done: your manager is now alice.");
        assertThat(names(chat.say("alice", "/mentor find seo"))).containsExactly("carla (@carla)");
        chat.say("bob", "/mentor set manager none");
        chat.say("alice", "/mentor set manager @carla");
        assertThat(names(chat.say("alice", "/mentor find seo"))).containsExactly("bob (@bob)");
    }

    @Test
    void neverSuggestsYourself() {
        chat.say("alice", "/mentor teach seo");
        assertThat(names(chat.say("alice", "/mentor find seo"))).doesNotContain("alice (@alice)");
    }

    @Test
    void requestTellsTheMentorInTheirOwnLanguage() {
        chat.say("bob", "/mentor set language fr");
        Block.Button request = FakeChat.cards(chat.say("alice", "/mentor find seo"))
                .get(0)
                .buttons()
                .get(0);
        Reply confirmation = chat.click("alice", request);
        assertThat(confirmation.text())
                .isEqualTo("I've asked bob whether they'd mentor you in SEO. You'll hear as soon" + " as they answer.");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(chat.inbox("bob"))
                        .singleElement()
                        .asString()
                        .contains(
                                "alice aimerait apprendre Référencement naturel avec vous",
                                "mentoring.request",
                                "Négociation"));
        assertThat(chat.inbox("alice")).isEmpty();
    }

    @Test
    void refusesTamperedOrForeignActionValuesKindly() {
        String stale = Messages.of(Language.EN).get("action.stale");
        assertThat(chat.click(
                                "alice",
                                Locale.ENGLISH,
                                "mentoring.request",
                                "mentor=console%3Aghost&skill=seo",
                                Map.of())
                        .text())
                .isEqualTo(stale);
        assertThat(chat.click(
                                "alice",
                                Locale.ENGLISH,
                                "mentoring.request",
                                "mentor=slack%3AT1%3Abob&skill=seo",
                                Map.of())
                        .text())
                .isEqualTo(stale);
        assertThat(chat.click("alice", Locale.ENGLISH, "mentoring.profile", "%%%garbage", Map.of())
                        .text())
                .isEqualTo(stale);
        assertThat(chat.click("alice", Locale.ENGLISH, "no.such.action", "", Map.of())
                        .text())
                .isEqualTo(Messages.of(Language.EN).get("error.unknown-action"));
        assertThat(chat.click(
                                "alice",
                                Locale.ENGLISH,
                                "mentoring.request",
                                "mentor=console%3Aalice&skill=seo",
                                Map.of())
                        .text())
                .isEqualTo("You can't request yourself as a mentor.");
        assertThat(chat.inbox("alice")).isEmpty();
    }

    @Test
    void showsProfilesAndSaysWhenSomeoneIsUnknown() {
        chat.say("bob", "/mentor bio I run our Instagram.");
        chat.say("bob", "/mentor set team Marketing");
        Reply profile = chat.say("alice", "/mentor profile @bob");
        Block.Section card = FakeChat.cards(profile).get(0);
        assertThat(card.heading()).isEqualTo("bob (@bob)");
        assertThat(card.text()).isEqualTo("I run our Instagram.");
        assertThat(card.fields())
                .extracting(Block.Field::label, Block.Field::value)
                .contains(
                        Tuple.tuple("Teaches", "Marketing automation, SEO"),
                        Tuple.tuple("Team", "Marketing"),
                        Tuple.tuple("Seniority", "junior"));
        assertThat(chat.say("alice", "/mentor profile @nobody").text())
                .isEqualTo("I don't know @nobody yet. They become a member the first time they talk to Tandem.");
        assertThat(chat.say("dora", "/mentor profile").text()).contains("Your profile is empty");
    }

    @Test
    void resolvesPeopleNamedInEveryPlatformsWay() {
        chat.say("bob", "/mentor set team Marketing");
        for (String line : List.of(
                "/mentor profile @bob",
                "/mentor profile @BOB",
                "/mentor profile <@bob|Bob>",
                "/mentor profile <@bob>",
                "/mentor profile bob")) {
            assertThat(FakeChat.cards(chat.say("alice", line)))
                    .as(line)
                    .extracting(Block.Section::heading)
                    .containsExactly("bob (@bob)");
        }
        Reply teams = chat.say(
                "alice",
                Locale.ENGLISH,
                "<at>Tandem</at> profile <at>Bob Carter</at>",
                List.of(new Mention("<at>Tandem</at>", "tandem-bot"), new Mention("<at>Bob Carter</at>", "bob")));
        assertThat(FakeChat.cards(teams)).extracting(Block.Section::heading).containsExactly("bob (@bob)");
        assertThat(chat.say("alice", "/mentor profile <at>Nobody Here</at>").text())
                .contains("I don't know");
    }

    @Test
    void refusesBadSettingsWithWhatWouldWork() {
        assertThat(chat.say("alice", "/mentor set timezone Mars/Olympus").text())
                .contains("Europe/Paris");
        assertThat(chat.say("alice", "/mentor set capacity 99").text()).contains("from 0 to 10");
        assertThat(chat.say("alice", "/mentor set capacity lots").text()).contains("from 0 to 10");
        assertThat(chat.say("alice", "/mentor set seniority boss").text()).contains("junior, mid, senior or exec");
        assertThat(chat.say("alice", "/mentor set language de").text()).contains("English (en) and French (fr)");
        assertThat(chat.say("alice", "/mentor set colour blue").text()).contains("I can't set \"colour\"");
        assertThat(chat.say("alice", "/mentor set timezone").text()).contains("Set timezone to what?");
        assertThat(chat.say("alice", "/mentor set").text()).contains("What should I set?");
        assertThat(chat.say("alice", "/mentor set manager @alice").text()).isEqualTo("You can't be your own manager.");
        assertThat(chat.say("alice", "/mentor set timezone america/new_york").text())
                .isEqualTo("Done: your timezone is now America/New_York.");
        assertThat(chat.say("alice", Locale.FRENCH, "/mentor régler fuseau UTC+2")
                        .text())
                .isEqualTo("C'est fait : votre fuseau horaire est maintenant +02:00.");
    }

    @Test
    void switchesLanguageForTheMember() {
        assertThat(chat.say("alice", "/mentor set language fr").text())
                .isEqualTo("C'est fait : votre langue est" + " maintenant fr.");
        assertThat(chat.say("alice", Locale.ENGLISH, "/mentor help").text())
                .contains("Trouver et apprendre", "Binômes et séances");
    }

    @Test
    void keepsUnknownSkillsAsTagsAndSuggestsCloseOnes() {
        Reply reply = chat.say("carla", "/mentor teach basket weaving, storytellin");
        assertThat(reply.text())
                .contains(
                        "You teach: basket weaving, SEO, Storytelling.",
                        "\"basket-weaving\" isn't in Tandem's list of skills");
        assertThat(names(chat.say("alice", "/mentor find Basket Weaving"))).containsExactly("carla (@carla)");
        Reply typo = chat.say("alice", "/mentor find leaderzhib");
        assertThat(typo.text()).contains("Nobody teaches leaderzhib yet.", "Did you mean Leadership?");
    }

    @Test
    void saysSoWhenNobodyTeachesASkillAndSuggestsRelatedOnes() {
        Reply reply = chat.say("alice", "/mentor find content marketing");
        assertThat(reply.text()).contains("Nobody teaches Content marketing yet.", "/mentor learn Content marketing");
        List<Block.Button> related = reply.blocks().stream()
                .filter(Block.Section.class::isInstance)
                .map(Block.Section.class::cast)
                .flatMap(s -> s.buttons().stream())
                .toList();
        assertThat(related).extracting(Block.Button::label).contains("Find mentors for SEO");
        Reply followed = chat.click(
                "alice",
                related.stream()
                        .filter(b -> b.label().contains("SEO"))
                        .findFirst()
                        .orElseThrow());
        assertThat(names(followed)).containsExactly("bob (@bob)", "carla (@carla)");
    }

    @Test
    void removesSkillsAndSaysWhichWereNotThere() {
        Reply reply = chat.say("bob", "/mentor unteach seo, negotiation");
        assertThat(reply.text()).contains("You teach: Marketing automation.", "You didn't have: Negotiation.");
        assertThat(names(chat.say("alice", "/mentor find seo"))).containsExactly("carla (@carla)");
        assertThat(chat.say("bob", "/mentor unlearn negotiation").text()).contains("You want to learn: —.");
    }

    @Test
    void answersUnknownCommandsWithASuggestionAndShortHelp() {
        Reply typo = chat.say("alice", "/mentor fnid seo");
        assertThat(typo.text())
                .contains("I don't know \"fnid\". Did you mean /mentor find <skill>?", "/mentor help — All commands");
        assertThat(chat.say("alice", "/mentor xyzzy").text()).contains("I don't know \"xyzzy\".", "Try one of these");
        assertThat(chat.say("alice", "/giphy cats").text()).contains("I don't know the command /giphy");
        assertThat(chat.say("alice", "   ").text()).contains("Try one of these");
        assertThat(chat.say("alice", "/stats").text()).contains("programme leads");
        assertThat(chat.say("alice", "/mentor find").text()).contains("Which skill?");
        assertThat(chat.say("alice", "/mentor teach").text()).contains("Which skills can you teach?");
        assertThat(chat.say("alice", "/mentor find !!!").text()).contains("I can't read \"!!!\" as a skill");
    }

    @Test
    void generatesHelpFromTheRegistryInBothLanguages() {
        String english = chat.say("alice", "/mentor help").text();
        String french = chat.say("alice", Locale.FRENCH, "/mentor aide").text();
        for (CommandSpec spec : registry.listed()) {
            for (Language language : Language.values()) {
                Messages m = Messages.of(language);
                assertThat(m.has(spec.usageKey()))
                        .as(spec.usageKey() + " in " + language)
                        .isTrue();
                assertThat(m.has(spec.summaryKey()))
                        .as(spec.summaryKey() + " in " + language)
                        .isTrue();
            }
            assertThat(english).contains(Messages.of(Language.EN).get(spec.usageKey()));
            assertThat(french).contains(Messages.of(Language.FR).get(spec.usageKey()));
        }
        assertThat(registry.listed()).extracting(CommandSpec::id).startsWith("find", "request", "teach", "learn");
    }

    @Test
    void listsHelpInOneOrderGroupedByWhatPeopleDoInBothLanguages() {
        List<String> order = List.of(
                "find",
                "request",
                "teach",
                "learn",
                "unteach",
                "unlearn",
                "skills",
                "join",
                "leave",
                "pairs",
                "module",
                "schedule",
                "sessions",
                "reschedule",
                "cancel",
                "checkin",
                "thanks",
                "end",
                "ask",
                "questions",
                "answer",
                "my-questions",
                "tip",
                "tips",
                "profile",
                "bio",
                "set",
                "nudges",
                "recognition",
                "pause",
                "resume",
                "export",
                "forget-me",
                "help",
                "stats",
                "stats-export",
                "stats-delivery",
                "stats-programme",
                "admin");
        // every registered command shown in help appears exactly once, and in this order
        assertThat(registry.listed()).extracting(CommandSpec::id).containsExactlyElementsOf(order);
        for (Language language : Language.values()) {
            Messages m = Messages.of(language);
            Reply help =
                    chat.say("alice", language.locale(), language == Language.FR ? "/mentor aide" : "/mentor help");
            List<Block.Items> groups = help.blocks().stream()
                    .filter(Block.Items.class::isInstance)
                    .map(Block.Items.class::cast)
                    .toList();
            assertThat(groups)
                    .extracting(Block.Items::heading)
                    .containsExactly(
                            m.get("help.group.find"),
                            m.get("help.group.pairs"),
                            m.get("help.group.questions"),
                            m.get("help.group.settings"),
                            m.get("help.group.leads"));
            // whole lines, so "/mentor tip" is never found inside "/mentor tips", nor "questions" in "my-questions"
            List<String> lines =
                    groups.stream().flatMap(g -> g.items().stream()).toList();
            assertThat(lines)
                    .containsExactlyElementsOf(order.stream()
                            .map(id -> registry.byId(id).orElseThrow().spec())
                            .map(spec -> m.get(spec.usageKey()) + " — " + m.get(spec.summaryKey()))
                            .toList());
            assertThat(groups.get(0).items().get(0))
                    .startsWith(language == Language.FR ? "/mentor cherche" : "/mentor find");
        }
    }

    @Test
    void listsTheSkillsByCategory() {
        Reply reply = chat.say("alice", Locale.FRENCH, "/mentor competences");
        assertThat(reply.text()).contains("Numérique", "Référencement naturel", "Compétences relationnelles");
    }

    @Test
    void editsTheWholeProfileInOneFormAndRefusesBadValuesFieldByField() {
        Block.Button edit = FakeChat.button(
                        FakeChat.cards(chat.say("alice", "/mentor profile")).get(0), "Edit profile")
                .orElseThrow();
        Block.Form form = (Block.Form) chat.click("alice", edit).blocks().get(0);
        assertThat(form.inputs())
                .extracting(Block.Input::id)
                .containsExactly("teaches", "learns", "seniority", "team", "timezone", "capacity", "bio");
        assertThat(form.inputs().get(0).initial()).isEqualTo("Negotiation, Public speaking");

        Map<String, String> bad = Map.of(
                "teaches",
                "seo, negotiation",
                "learns",
                "!!!",
                "seniority",
                "senior",
                "timezone",
                "Mars/Olympus",
                "capacity",
                "2",
                "bio",
                "x".repeat(600));
        Reply refused = chat.click("alice", Locale.ENGLISH, form.actionId(), "", bad);
        Block.Form again = (Block.Form) refused.blocks().get(0);
        assertThat(again.errors()).containsOnlyKeys("learns", "timezone", "bio");
        assertThat(again.inputs().get(0).initial()).isEqualTo("seo, negotiation");
        assertThat(chat.say("alice", "/mentor profile").text()).doesNotContain("SEO");

        Map<String, String> good = Map.of(
                "teaches",
                "seo, negotiation",
                "learns",
                "social media",
                "seniority",
                "exec",
                "team",
                "Sales",
                "timezone",
                "America/New_York",
                "capacity",
                "3",
                "bio",
                "Hi");
        Reply saved = chat.click("alice", Locale.ENGLISH, form.actionId(), "", good);
        assertThat(saved.text())
                .contains(
                        "Saved.",
                        "Negotiation, SEO",
                        "Social media",
                        "executive",
                        "Sales",
                        "America/New_York",
                        "0 of 3",
                        "Hi");
    }

    @Test
    void buildsAHomeFromEveryFeature() {
        chat.say("alice", "/mentor learn seo");
        Reply home = engine.home(
                ChatEvent.text(Platform.CONSOLE, "", "alice", "Alice", Locale.FRENCH, null, "home", "", List.of()));
        assertThat(home.text())
                .contains("Bienvenue dans Tandem, Alice", "Modifier le profil", "Mentors : Référencement");
    }

    @Test
    void refusesTooManySkillsAndOverlongInput() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            many.append("tag").append((char) ('a' + i)).append(", ");
        }
        assertThat(chat.say("bob", "/mentor learn " + many).text()).contains("20 at most");
        assertThat(chat.say("bob", "/mentor bio " + "x".repeat(600)).text()).contains("under 500 characters");
        assertThat(chat.say("bob", "/mentor find " + "x".repeat(5000)).text()).contains("too long");
    }
}
