package io.tandem.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.engine.Language;
import io.tandem.engine.Text;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillCatalogTests {

    static SkillCatalog builtIn() {
        return SkillCatalog.load(new InputStreamReader(
                SkillCatalogTests.class.getResourceAsStream("/skills/taxonomy.txt"), StandardCharsets.UTF_8));
    }

    private final SkillCatalog catalog = builtIn();

    private String resolved(String typed) {
        Optional<SkillMatch> match = catalog.resolve(typed);
        assertThat(match).as(typed).isPresent();
        assertThat(match.get()).as(typed).isInstanceOf(SkillMatch.Known.class);
        return match.get().id();
    }

    @ParameterizedTest
    @CsvSource({
        "seo, seo",
        "SEO, seo",
        "search engine optimization, seo",
        "Search Engine Optimisation, seo",
        "référencement, seo",
        "referencement naturel, seo",
        "Référencement Naturel, seo",
        "REFERENCEMENT, seo",
        "seoo, seo",
        "social CRM, social-crm",
        "CRM social, social-crm",
        "markting automation, marketing-automation",
        "marketing automation platforms, marketing-automation",
        "automatisation du marketing, marketing-automation",
        "public speaking, public-speaking",
        "prise de parole en public, public-speaking",
        "négociation, negotiation",
        "negociations, negotiation",
        "negotiations, negotiation",
        "réseaux sociaux, social-media",
        "social-media, social-media",
        "Social_Media, social-media",
        "IA générative, generative-ai",
        "AI, generative-ai",
        "data analysis, data-analysis",
        "leadershp, leadership"
    })
    void resolvesEnglishAndFrenchAliasesAccentsPluralsAndTypos(String typed, String id) {
        assertThat(resolved(typed)).isEqualTo(id);
    }

    @Test
    void keepsAnUnknownSkillAsAFreeTagWithASuggestionWhenOneIsClose() {
        SkillMatch match = catalog.resolve("basket weaving").orElseThrow();
        assertThat(match).isEqualTo(new SkillMatch.FreeTag("basket-weaving", Optional.empty()));

        SkillMatch close = catalog.resolve("storytellnig skills").orElseThrow();
        assertThat(close).isInstanceOf(SkillMatch.FreeTag.class);

        SkillMatch typo2 = catalog.resolve("negotaition").orElseThrow();
        assertThat(typo2).isInstanceOf(SkillMatch.Known.class);

        SkillMatch twoAway = catalog.resolve("leaderzhib").orElseThrow();
        assertThat(twoAway).isInstanceOf(SkillMatch.FreeTag.class);
        assertThat(((SkillMatch.FreeTag) twoAway).didYouMean()).map(Skill::id).contains("leadership");
    }

    @Test
    void doesNotGuessOnVeryShortWords() {
        // "sea" (paid search) and "seo" are one letter apart: both exact, never confused
        assertThat(resolved("sea")).isEqualTo("sea");
        assertThat(resolved("seo")).isEqualTo("seo");
        assertThat(catalog.resolve("sez").orElseThrow()).isInstanceOf(SkillMatch.FreeTag.class);
    }

    @Test
    void refusesInputWithNothingUsable() {
        assertThat(catalog.resolve("!!! ???")).isEmpty();
        assertThat(catalog.resolve("")).isEmpty();
    }

    @Test
    void shortensOverlongFreeTags() {
        SkillMatch match = catalog.resolve("x".repeat(200)).orElseThrow();
        assertThat(match.id()).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void shipsAtLeastFortySkillsDigitalAndSoftWithBothLanguages() {
        assertThat(catalog.all()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(catalog.all()).extracting(Skill::category).contains("digital", "soft");
        assertThat(catalog.all()).allSatisfy(s -> {
            assertThat(s.nameEn()).isNotBlank();
            assertThat(s.nameFr()).isNotBlank();
        });
        assertThat(catalog.name("seo", Language.FR)).isEqualTo("Référencement naturel");
        assertThat(catalog.name("my-tag", Language.EN)).isEqualTo("my tag");
    }

    @Test
    void noNameBelongsToTwoSkills() {
        Map<String, String> owner = new HashMap<>();
        for (Skill skill : catalog.all()) {
            for (String alias : skill.aliases()) {
                String key = SkillCatalog.singularize(SkillCatalog.normalize(alias));
                String previous = owner.putIfAbsent(key, skill.id());
                assertThat(previous == null || previous.equals(skill.id()))
                        .as("'" + alias + "' names both " + previous + " and " + skill.id())
                        .isTrue();
            }
        }
        assertThat(Text.fold("Référencement")).isEqualTo("referencement");
    }

    @Test
    void letsOperatorsAddAndReplaceSkills() {
        String extension = """
                # our own
                packaging | marketing | Packaging design, pack design | Design packaging | seo
                seo | digital | Search marketing | Référencement |
                """;
        SkillCatalog extended = SkillCatalog.load(
                new InputStreamReader(
                        SkillCatalogTests.class.getResourceAsStream("/skills/taxonomy.txt"), StandardCharsets.UTF_8),
                new StringReader(extension));
        assertThat(extended.resolve("pack design").map(SkillMatch::id)).contains("packaging");
        assertThat(extended.name("seo", Language.EN)).isEqualTo("Search marketing");
        assertThat(extended.all()).hasSize(catalog.all().size() + 1);
    }

    @Test
    void failsClearlyOnABadOperatorFile() {
        assertThatThrownBy(() -> SkillCatalog.load(new StringReader("seo | digital | SEO\n")))
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> SkillCatalog.load(new StringReader("a | digital | A | A | nope\n")))
                .hasMessageContaining("nope");
    }
}
