package io.tandem.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.skills.SkillCatalog;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The starter modules Tandem ships, and the module file's rules line by line. */
class StarterModulesTests {

    private static final SkillCatalog CATALOG = SkillCatalog.load(new InputStreamReader(
            Objects.requireNonNull(SkillCatalog.class.getResourceAsStream("/skills/taxonomy.txt")),
            StandardCharsets.UTF_8));

    /** The digital skills and the soft skills taught back that the issue names. */
    private static final Set<String> MAIN = Set.of(
            "seo",
            "marketing-automation",
            "social-crm",
            "social-media",
            "dashboards",
            "generative-ai",
            "negotiation",
            "public-speaking",
            "leadership",
            "feedback");

    @Test
    void loadsEveryMainSkillInEnglishAndFrenchWithItsSkillInTheTaxonomy() {
        List<Module> starter = Modules.starter(CATALOG);
        for (Language language : Language.values()) {
            Set<String> skills = starter.stream()
                    .filter(m -> m.language() == language)
                    .map(Module::skill)
                    .collect(Collectors.toSet());
            assertThat(skills).as(language.code()).containsAll(MAIN);
        }
        for (Module m : starter) {
            assertThat(CATALOG.find(m.skill())).as(m.skill()).isPresent();
            assertThat(m.size()).isBetween(3, 8);
            assertThat(m.starter()).isTrue();
            m.steps().forEach(s -> assertThat(s.goal()).isNotBlank());
        }
        // each skill's two languages have the same number of steps: one plan, two translations
        for (String skill : MAIN) {
            assertThat(starter.stream()
                            .filter(m -> m.skill().equals(skill))
                            .map(Module::size)
                            .distinct())
                    .as(skill)
                    .hasSize(1);
        }
    }

    @Test
    void reportsEachBadLineAndKeepsTheRest() {
        String csv = """
                skill,language,step,title,goal,topic,links
                référencement,fr,1,Mon parcours,Comprendre,Le classement,https://example.com/a
                seo,fr,2,,Choisir les mots,Les requêtes,
                seo,fr,3,,Améliorer une page,Un titre,javascript:alert(1)
                seo,fr,4,,Mesurer,Les clics,
                seo,fr,5,,Continuer,La suite,
                basket weaving,en,1,Baskets,Weave,Willow,
                negotiation,de,1,Verhandeln,Vorbereiten,Ziele,
                negotiation,en,1,Two steps only,Prepare,Goals,
                negotiation,en,2,,Close,Agreement,
                negotiation,en,9,,Too far,Nowhere,
                """;
        ModuleFile.Read read = ModuleFile.read(csv, CATALOG, Messages.of(Language.EN), false);
        assertThat(read.modules()).hasSize(1);
        Module seo = read.modules().get(0);
        assertThat(seo.skill()).isEqualTo("seo");
        assertThat(seo.title()).isEqualTo("Mon parcours");
        assertThat(seo.steps())
                .extracting(Module.Step::goal)
                .containsExactly("Comprendre", "Choisir les mots", "Mesurer", "Continuer");
        assertThat(seo.steps().get(0).links()).containsExactly("https://example.com/a");
        assertThat(read.problems())
                .containsExactly(
                        "line 4: \"javascript:alert(1)\" is not a web address (https://…)",
                        "line 7: \"basket weaving\" is not a skill Tandem knows (/mentor skills lists them)",
                        "line 8: \"de\" is not a language: en or fr",
                        "line 11: \"9\" is not a step number: 1 to 8",
                        "Negotiation (en): it has 2 steps left; a module has 3 to 8");
    }

    @Test
    void refusesAFileWithoutItsColumnsOrWithUnknownOnes() {
        Messages en = Messages.of(Language.EN);
        assertThatThrownBy(() -> ModuleFile.read("skill,language,goal\nseo,en,x", CATALOG, en, false))
                .isInstanceOf(Refusal.class)
                .hasMessage("modules.missing-columns");
        assertThatThrownBy(() ->
                        ModuleFile.read("skill,language,step,goal,topic,colour\nseo,en,1,a,b,red", CATALOG, en, false))
                .isInstanceOf(Refusal.class)
                .hasMessage("modules.unknown-columns");
    }

    @Test
    void writesAModuleAsAFileThatReadsBackTheSame() {
        List<Module> starter = Modules.starter(CATALOG).stream()
                .filter(m -> m.skill().equals("public-speaking"))
                .toList();
        ModuleFile.Read again = ModuleFile.read(ModuleFile.csv(starter), CATALOG, Messages.of(Language.FR), true);
        assertThat(again.problems()).isEmpty();
        assertThat(again.modules()).isEqualTo(starter);
    }

    @Test
    void splitsAFileIntoPartsOfWholeModulesThatReadBackTheSame() throws Exception {
        String csv;
        try (var in = Modules.class.getResourceAsStream(Modules.STARTER)) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Modules.isModuleFile(csv)).isTrue();
        assertThat(Modules.isModuleFile("handle,name,teaches\nbob,Bob,seo")).isFalse();
        List<String> parts = Modules.fileParts(csv, 3_500);
        assertThat(parts).hasSizeGreaterThan(1);
        List<Module> again = new java.util.ArrayList<>();
        for (String part : parts) {
            assertThat(part.length()).isLessThanOrEqualTo(3_500);
            ModuleFile.Read read = ModuleFile.read(part, CATALOG, Messages.of(Language.EN), true);
            assertThat(read.problems()).isEmpty();
            again.addAll(read.modules());
        }
        assertThat(again).containsExactlyInAnyOrderElementsOf(Modules.starter(CATALOG));
    }
}
