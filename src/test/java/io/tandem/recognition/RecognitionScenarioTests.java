package io.tandem.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.Sweeps;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RecordedNotifications;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Thanks reach the person, count for them in the leads' top contributors, and the monthly post (time travel to the
 * 1st) names only those who chose to be named. In English and French; handles are prefixes of one another.
 */
@EngineTest
class RecognitionScenarioTests {

    private static final Instant MARCH = Instant.parse("2026-03-10T09:00:00Z");

    @Autowired
    TravelClock clock;

    @Autowired
    Sweeps sweeps;

    @Autowired
    RecordedNotifications recorded;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        chat = fresh;
        clock.travelTo(MARCH);
        recorded.clear();
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private static String all(Reply reply) {
        StringBuilder out = new StringBuilder(reply.text() == null ? "" : reply.text());
        reply.blocks().forEach(b -> out.append('\n').append(b));
        return out.toString();
    }

    private List<Notification> posts() {
        return recorded.all().stream()
                .filter(n -> n.recipient().equals(new MemberId("console", "#programme")))
                .filter(n -> n.kind().equals("recognition.post"))
                .toList();
    }

    @Test
    void thanksReachThePersonCountAndTheMonthlyPostNamesOnlyThoseWhoChose() {
        for (String who : List.of("ann", "anna", "annie", "bob", "bobby", "carl", "carla", "dan")) {
            chat.say(who, "/mentor teach seo");
        }
        assertThat(chat.say("bob", "/mentor thanks @anna for the SEO audit").text())
                .contains("on their way to anna");
        List<String> told = chat.waitFor("anna", 1);
        assertThat(told.get(0)).contains("bob says thank you: \\\"for the SEO audit\\\"", "Yes, name me");
        // the same person twice in a day counts once; nobody thanks themselves; nobody named is a usage message
        assertThat(chat.say("bob", "/mentor thanks @anna again").text()).contains("already thanked anna today");
        assertThat(chat.say("anna", "/mentor thanks @anna").text()).contains("does not count");
        assertThat(chat.say("anna", "/mentor thanks").text()).contains("Who would you like to thank?");

        // anna says yes from the button; ann never answers (not named, the default); annie says no
        Reply yes = chat.click(
                "anna", Locale.ENGLISH, Thanking.NAME_ME, ActionValue.of("member", "console:anna"), Map.of());
        assertThat(yes.text()).contains("You may be named");
        // a click for someone else is refused
        assertThat(chat.click(
                                "bob",
                                Locale.ENGLISH,
                                Thanking.NAME_ME,
                                ActionValue.of("member", "console:anna"),
                                Map.of())
                        .text())
                .doesNotContain("You may be named");
        assertThat(chat.say("annie", "/mentor recognition off").text()).contains("will not be named");
        for (String from : List.of("bobby", "carl", "carla", "dan")) {
            chat.say(from, "/mentor thanks @ann for the workshop");
        }
        chat.say("bobby", "/mentor thanks @annie");
        chat.say("carl", "/mentor thanks @anna");
        assertThat(all(chat.say("anna", "/mentor profile"))).contains("Helped", "2 people");
        assertThat(all(chat.say("annie", "/mentor profile"))).doesNotContain("Helped");

        // the leads' top contributors count thanks; no count per person is shown
        String stats = all(chat.say("lena", "/stats"));
        assertThat(stats).contains("anna (@anna)", "ann (@ann)").doesNotContain("4 thanks");

        // nothing is posted during the month; on 1 April, one post about March, once
        sweeps.run();
        assertThat(posts()).isEmpty();
        clock.travelTo(Instant.parse("2026-04-01T08:00:00Z"));
        sweeps.run();
        sweeps.run();
        assertThat(posts()).hasSize(1);
        Reply post = posts().get(0).message();
        String text = all(post);
        assertThat(text).contains("In March, colleagues said thank you 7 times");
        Block.Items named = post.blocks().stream()
                .filter(Block.Items.class::isInstance)
                .map(Block.Items.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(named.items()).containsExactly("anna (@anna)");
    }

    @Test
    void thanksInFrench() {
        chat.say("marie", Locale.FRENCH, "/mentor enseigner négociation");
        chat.say("marie.claire", Locale.FRENCH, "/mentor apprendre négociation");
        assertThat(chat.say("marie.claire", Locale.FRENCH, "/mentor merci @marie pour la préparation")
                        .text())
                .contains("Vos remerciements sont en route vers marie");
        assertThat(chat.waitFor("marie", 1).get(0)).contains("marie.claire vous dit merci", "Oui, nommez-moi");
        assertThat(chat.say("marie", Locale.FRENCH, "/mentor reconnaissance").text())
                .contains("par défaut");
        assertThat(chat.say("marie", Locale.FRENCH, "/mentor reconnaissance oui")
                        .text())
                .contains("Vous pouvez être nommé");
        assertThat(chat.say("marie", Locale.FRENCH, "/mentor reconnaissance peut-être")
                        .text())
                .contains("/mentor reconnaissance oui ou");
    }
}
