package io.tandem.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.RequestStore;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lead imports a module with one bad line (reported, the rest kept); a pair forms on the skill and is shown the
 * module; scheduling proposes step 1's topic; check-ins by both members mark it done once; {@code /mentor pairs}
 * and {@code /stats} show the progress. In English with an imported module, in French with the starter one. Handles
 * are prefixes of one another.
 */
@EngineTest
class ModulesScenarioTests {

    private static final Instant MONDAY = Instant.parse("2026-03-09T09:00:00Z");

    @Autowired
    TravelClock clock;

    @Autowired
    RequestStore requests;

    @Autowired
    SessionStore sessions;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        chat = fresh;
        clock.travelTo(MONDAY);
    }

    @AfterEach
    void back() {
        clock.reset();
    }

    private static String all(Reply reply) {
        StringBuilder out = new StringBuilder(reply.text() == null ? "" : reply.text());
        for (Block b : reply.blocks()) {
            out.append('\n').append(b);
        }
        return out.toString();
    }

    private void pair(Locale locale, String mentor, String mentee, String skill) {
        chat.say(mentor, locale, "/mentor set seniority junior");
        chat.say(mentor, locale, "/mentor teach " + skill);
        chat.say(mentee, locale, "/mentor set seniority exec");
        chat.say(mentee, locale, "/mentor learn " + skill);
        chat.say(mentee, locale, "/mentor request @" + mentor + " " + skill);
    }

    private Reply accept(Locale locale, String mentor) {
        MentoringRequest r = requests.pending(new MemberId("console", mentor)).get(0);
        return chat.click(mentor, locale, "mentoring.request.accept", ActionValue.of("request", r.id()), Map.of());
    }

    private Reply checkIn(Locale locale, String who, Session s, String step) {
        return chat.click(
                who,
                locale,
                "mentoring.checkin.save",
                ActionValue.of("session", s.id()),
                Map.of("met", "yes", "usefulness", "5", "step", step));
    }

    @Test
    void aLeadsModuleGuidesAPairFromImportToStats() {
        Reply imported = chat.say("lena", """
                /mentor admin modules import
                skill,language,step,title,goal,topic,links
                seo,en,1,Search basics at Acme,Know how Acme pages rank,Crawling and ranking of acme.com,https://example.com/seo
                seo,en,2,,Pick the words,Keyword research for our catalogue,
                seo,en,3,,Fix a page,"Titles, descriptions and headings",
                seo,en,4,,Measure,Search Console figures,
                seo,en,five,,Broken,Nothing,
                """);
        assertThat(all(imported))
                .contains(
                        "1 saved, 1 problems",
                        "\"Search basics at Acme\" (en, 4 steps)",
                        "line 6: \"five\" is not a step number");
        assertThat(all(chat.say("lena", "/mentor admin modules"))).contains("Search basics at Acme", "your own");
        // someone who is not a lead cannot import
        assertThat(chat.say("bob", "/mentor admin modules import x").text()).doesNotContain("saved");

        pair(Locale.ENGLISH, "bob", "bobby", "seo");
        Reply accepted = accept(Locale.ENGLISH, "bob");
        assertThat(all(accepted)).contains("Search basics at Acme", "Crawling and ranking of acme.com");
        assertThat(String.join("\n", chat.waitFor("bobby", 1))).contains("Search basics at Acme");
        assertThat(all(chat.say("bobby", "/mentor module seo")))
                .contains("→ 1. Know how Acme pages rank", "https://example.com/seo", "step 1 of 4");

        Reply booked = chat.say("bobby", "/mentor schedule @bob 2026-03-11 10:00");
        assertThat(all(booked)).contains("Topic proposed from your module: Crawling and ranking of acme.com");
        Session s = sessions.sessions(new MemberId("console", "bobby")).get(0);
        assertThat(s.topic()).isEqualTo("Crawling and ranking of acme.com");

        clock.travelTo(Instant.parse("2026-03-12T09:00:00Z"));
        assertThat(all(checkIn(Locale.ENGLISH, "bobby", s, "seo:1")))
                .contains("Step 1 of 4 of \"Search basics at Acme\" is done");
        // the other member checks in about the same step: counted once
        assertThat(all(checkIn(Locale.ENGLISH, "bob", s, "seo:1"))).doesNotContain("is done");
        assertThat(all(chat.say("bob", "/mentor pairs"))).contains("step 2 of 4");
        assertThat(all(chat.say("bobby", "/mentor schedule @bob 2026-03-18 10:00")))
                .contains("Keyword research for our catalogue");
        assertThat(all(chat.say("lena", "/stats"))).contains("Modules");

        // back to the starter module
        assertThat(chat.say("lena", "/mentor admin modules remove seo").text()).contains("removed");
        assertThat(all(chat.say("bobby", "/mentor module seo"))).contains("SEO in four sessions");
    }

    @Test
    void aFrenchPairFollowsTheStarterModule() {
        pair(Locale.FRENCH, "marie", "marie.claire", "référencement");
        assertThat(all(accept(Locale.FRENCH, "marie"))).contains("Le référencement en quatre séances");
        assertThat(all(chat.say("marie.claire", Locale.FRENCH, "/mentor module référencement")))
                .contains("→ 1. Comprendre comment on trouve vos pages", "étape 1 sur 4");
        Reply booked = chat.say("marie.claire", Locale.FRENCH, "/mentor planifier @marie 2026-03-11 10:00");
        assertThat(all(booked)).contains("Sujet proposé d'après votre module : Exploration, indexation et classement");
        Session s = sessions.sessions(new MemberId("console", "marie")).get(0);
        clock.travelTo(Instant.parse("2026-03-12T09:00:00Z"));
        Reply form = chat.say("marie", Locale.FRENCH, "/mentor bilan");
        String steps = form.blocks().stream()
                .filter(Block.Form.class::isInstance)
                .map(Block.Form.class::cast)
                .flatMap(f -> f.inputs().stream())
                .filter(i -> i.id().equals("step"))
                .flatMap(i -> i.choices().stream())
                .map(Block.Choice::label)
                .collect(Collectors.joining("|"));
        assertThat(steps).contains("Étape 1 sur 4 : Exploration").contains("Pas cette fois");
        assertThat(all(checkIn(Locale.FRENCH, "marie", s, "seo:1"))).contains("L'étape 1 sur 4");
        assertThat(all(chat.say("marie.claire", Locale.FRENCH, "/mentor binomes")))
                .contains("étape 2 sur 4");
    }
}
