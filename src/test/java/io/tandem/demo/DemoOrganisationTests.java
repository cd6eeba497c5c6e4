package io.tandem.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOrganisationTests {

    private final SkillCatalog catalog = SkillCatalog.load(new InputStreamReader(
            DemoOrganisationTests.class.getResourceAsStream("/skills/taxonomy.txt"), StandardCharsets.UTF_8));

    private List<Profile> realistic() {
        return DemoOrganisation.read(
                new InputStreamReader(
                        DemoOrganisationTests.class.getResourceAsStream("/demo/organisation.txt"),
                        StandardCharsets.UTF_8),
                "console",
                Instant.EPOCH);
    }

    @Test
    void isARealisticOrganisationAcrossGenerationsAndLanguages() {
        List<Profile> org = realistic();
        assertThat(org).hasSizeBetween(28, 40);
        assertThat(org).extracting(Profile::seniority).contains(Seniority.values());
        assertThat(org).filteredOn(p -> p.locale() == Language.FR).hasSizeGreaterThanOrEqualTo(5);
        assertThat(org).extracting(Profile::handle).contains("alice", "bob", "lena");
        assertThat(org.stream().filter(p -> p.teaches().contains("seo")).count())
                .isGreaterThanOrEqualTo(3);
        assertThat(org.stream().filter(p -> p.teaches().contains("negotiation")).count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void usesOnlyKnownSkillsAndKnownManagers() {
        List<Profile> org = realistic();
        Set<MemberId> ids = org.stream().map(Profile::id).collect(Collectors.toSet());
        for (Profile p : org) {
            assertThat(p.teaches())
                    .as(p.handle())
                    .allSatisfy(s -> assertThat(catalog.find(s)).isPresent());
            assertThat(p.learns())
                    .as(p.handle())
                    .allSatisfy(s -> assertThat(catalog.find(s)).isPresent());
            if (p.manager() != null) {
                assertThat(ids).as(p.handle() + "'s manager").contains(p.manager());
            }
        }
    }

    @Test
    void generatesTheSameSyntheticOrganisationForTheSameSize() {
        List<Skill> skills = List.copyOf(catalog.all());
        List<Profile> a = SyntheticOrganisation.generate(1_000, "console", skills, Instant.EPOCH);
        List<Profile> b = SyntheticOrganisation.generate(1_000, "console", skills, Instant.EPOCH);
        assertThat(a).hasSize(1_000).isEqualTo(b);
        Map<MemberId, Profile> byId = a.stream().collect(Collectors.toMap(Profile::id, Function.identity()));
        assertThat(byId).hasSize(1_000);
        for (Profile p : a) {
            assertThat(p.teaches())
                    .isNotEmpty()
                    .allSatisfy(s -> assertThat(catalog.find(s)).isPresent());
            assertThat(p.learns()).doesNotContainAnyElementsOf(p.teaches());
            if (p.manager() != null) {
                assertThat(byId.get(p.manager()).seniority().rank())
                        .isGreaterThanOrEqualTo(p.seniority().rank());
            }
        }
        assertThat(a).filteredOn(p -> p.seniority() == Seniority.JUNIOR).hasSizeGreaterThan(300);
    }

    @Test
    void generatesAHundredThousandMembers() {
        List<Profile> org =
                SyntheticOrganisation.generate(100_000, "console", List.copyOf(catalog.all()), Instant.EPOCH);
        assertThat(org).hasSize(100_000);
        assertThat(org.stream().map(Profile::id).distinct().count()).isEqualTo(100_000);
    }
}
