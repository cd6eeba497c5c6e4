package io.tandem.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.Language;
import io.tandem.engine.Reply;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Tips through the fake adapter: writing, listing, the week's choice without repeats, the starter fallback. */
@EngineTest
class TipsTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    Tips tips;

    @Autowired
    SkillCatalog catalog;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        chat = fresh;
    }

    @Test
    void writesAndListsTipsAndRefusesEmptyOnes() {
        assertThat(chat.say("bob", "/mentor tip seo Read the search suggestions before writing a title.")
                        .text())
                .contains("Your tip for SEO will reach colleagues");
        assertThat(chat.say("bob", "/mentor tip seo short").text()).contains("20 characters at least");
        assertThat(chat.say("bob", "/mentor tip").text()).contains("Which skill, and what is your tip?");
        Reply listed = chat.say("alice", "/mentor tips seo");
        assertThat(listed.text()).contains("Read the search suggestions", "From: bob", "[Useful]");
        assertThat(chat.say("carla", "/mentor tips").text()).contains("Which skill?");
    }

    @Test
    void fallsBackOnTheStarterSetInTheLearnersLanguage() {
        Reply french = chat.say("alice", Locale.FRENCH, "/mentor astuces référencement");
        assertThat(french.text()).contains("Les astuces de départ de Tandem");
        assertThat(tips.starter("seo", Language.EN)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(tips.starter("seo", Language.FR)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void choosesEveryTipOnceBeforeRepeatingColleaguesFirst() {
        chat.say("bob", "/mentor tip negotiation Write down your walk-away point before the meeting starts.");
        Set<String> seen = new HashSet<>();
        Optional<Tip> first = tips.choose("console", "negotiation", Language.EN);
        assertThat(first).hasValueSatisfying(t -> assertThat(t.starter()).isFalse());
        seen.add(first.get().id());
        int pool = 1 + tips.starter("negotiation", Language.EN).size();
        for (int week = 1; week < pool; week++) {
            Tip tip = tips.choose("console", "negotiation", Language.EN).orElseThrow();
            assertThat(seen.add(tip.id()))
                    .as("week " + week + " repeats " + tip.text())
                    .isTrue();
        }
        assertThat(seen).hasSize(pool);
        assertThat(tips.choose("console", "negotiation", Language.EN)).isPresent(); // a new round begins
        assertThat(tips.choose("console", "basket-weaving", Language.EN)).isEmpty();
    }

    @Test
    void prefersATipInTheLearnersLanguageAndKeepsEachLanguagesRound() {
        chat.say("bob", "/mentor tip seo Check which pages already rank on page two: they are the quickest wins.");
        Tip french = tips.choose("console", "seo", Language.FR).orElseThrow();
        assertThat(french.starter()).isTrue();
        assertThat(french.language()).isEqualTo(Language.FR);
        assertThat(tips.choose("console", "seo", Language.EN))
                .map(Tip::text)
                .hasValueSatisfying(t -> assertThat(t).contains("page two"));
        chat.say("bob", "/mentor tip sql Name your columns in the SELECT, never SELECT star, so reports survive.");
        assertThat(tips.choose("console", "sql", Language.FR))
                .map(Tip::text)
                .as("a tip in another language when the area has none in theirs")
                .hasValueSatisfying(t -> assertThat(t).contains("SELECT"));
    }

    @Test
    void sendsTheWeeksTipToLearnersInTheirLanguageAndCountsUsefulOnce() {
        chat.say("alice", "/mentor learn seo");
        chat.say("lea", Locale.FRENCH, "/mentor apprendre référencement");
        chat.say("paul", "/mentor learn seo");
        chat.say("paul", "/mentor pause");
        assertThat(chat.say(
                                "bob",
                                "/mentor tip seo Check which pages already rank on page two: they are the quickest"
                                        + " wins.")
                        .text())
                .contains("Your tip for SEO will reach");
        int sent = tips.sendWeek("console", List.copyOf(catalog.all()));
        assertThat(sent).isEqualTo(2);
        String toAlice = await().atMost(Duration.ofSeconds(10))
                .until(() -> chat.inbox("alice"), l -> !l.isEmpty())
                .get(0);
        assertThat(toAlice).contains("Tip of the week for SEO", "page two", "tips.useful");
        String toLea = await().atMost(Duration.ofSeconds(10))
                .until(() -> chat.inbox("lea"), l -> !l.isEmpty())
                .get(0);
        assertThat(toLea).contains("L'astuce de la semaine en Référencement naturel", "Les astuces de départ");
        assertThat(chat.inbox("paul")).isEmpty();
        // the programme channel gets one post with the week's tip of each area that has learners
        String channel = await().atMost(Duration.ofSeconds(10))
                .until(() -> chat.inbox("#programme"), l -> !l.isEmpty())
                .get(0);
        assertThat(channel)
                .contains("Tips of the week", "SEO", "page two", "tips.useful", "moderation.report")
                .doesNotContain("Marketing automation");

        int at = toAlice.indexOf("\"action\":\"tips.useful\"");
        int start = toAlice.indexOf("\"value\":\"", at) + 9;
        String value = toAlice.substring(start, toAlice.indexOf('"', start));
        assertThat(chat.click("alice", Locale.ENGLISH, Tips.USEFUL, value, Map.of())
                        .text())
                .contains("Thanks!");
        assertThat(chat.click("alice", Locale.ENGLISH, Tips.USEFUL, value, Map.of())
                        .text())
                .contains("already");
        assertThat(redis.opsForZSet().score("tandem:{console}:tips-useful-authors", "bob"))
                .isEqualTo(1.0);
        assertThat(chat.click("alice", Locale.ENGLISH, Tips.USEFUL, "tip=forged&skill=seo", Map.of())
                        .text())
                .contains("out of date");
    }
}
