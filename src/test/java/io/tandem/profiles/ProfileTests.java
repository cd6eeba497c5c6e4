package io.tandem.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each {@code with…} changes what it names and nothing else: every other field of the profile is kept. */
class ProfileTests {

    private static final Profile BOB = new Profile(
            new MemberId("console", "bob"),
            "Bob Carter",
            "bob",
            Language.FR,
            Language.EN,
            ZoneId.of("Europe/Paris"),
            false,
            Seniority.JUNIOR,
            "R&D",
            new MemberId("console", "carla"),
            3,
            1,
            "SEO nerd",
            false,
            Set.of("seo"),
            Set.of("negotiation"),
            Instant.parse("2026-01-05T09:00:00Z"));

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("handle", (UnaryOperator<Profile>) p -> p.withHandle("bob.smith"), List.of("handle")),
                Arguments.of("teaches", (UnaryOperator<Profile>) p -> p.withTeaches(Set.of("crm")), List.of("teaches")),
                Arguments.of("learns", (UnaryOperator<Profile>) p -> p.withLearns(Set.of("crm")), List.of("learns")),
                Arguments.of("bio", (UnaryOperator<Profile>) p -> p.withBio("Other"), List.of("bio")),
                Arguments.of("paused", (UnaryOperator<Profile>) p -> p.withPaused(true), List.of("paused")),
                Arguments.of(
                        "seniority",
                        (UnaryOperator<Profile>) p -> p.withSeniority(Seniority.EXEC),
                        List.of("seniority")),
                Arguments.of("team", (UnaryOperator<Profile>) p -> p.withTeam("Sales"), List.of("team")),
                Arguments.of(
                        "manager",
                        (UnaryOperator<Profile>) p -> p.withManager(new MemberId("console", "bo")),
                        List.of("manager")),
                Arguments.of(
                        "zone",
                        (UnaryOperator<Profile>) p -> p.withZone(ZoneId.of("Asia/Tokyo")),
                        List.of("zone", "zonePinned")),
                Arguments.of("capacity", (UnaryOperator<Profile>) p -> p.withCapacity(5), List.of("capacity")),
                Arguments.of(
                        "language", (UnaryOperator<Profile>) p -> p.withLanguage(Language.EN), List.of("language")),
                Arguments.of(
                        "basics",
                        (UnaryOperator<Profile>) p -> p.withBasics("Bobby", Language.FR, ZoneId.of("America/New_York")),
                        List.of("name", "locale", "zone")),
                Arguments.of(
                        "basics, nothing reported",
                        (UnaryOperator<Profile>) p -> p.withBasics(null, null, null),
                        List.of()),
                Arguments.of(
                        "basics on a pinned zone",
                        (UnaryOperator<Profile>)
                                p -> p.withZone(ZoneId.of("UTC")).withBasics(null, null, ZoneId.of("Asia/Tokyo")),
                        List.of("zone", "zonePinned")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void changesOnlyWhatItNames(String what, UnaryOperator<Profile> change, List<String> changed) throws Exception {
        Profile after = change.apply(BOB);

        List<String> differ = new ArrayList<>();
        for (RecordComponent c : Profile.class.getRecordComponents()) {
            if (!Objects.equals(c.getAccessor().invoke(BOB), c.getAccessor().invoke(after))) {
                differ.add(c.getName());
            }
        }
        assertThat(differ).containsExactlyInAnyOrderElementsOf(changed);
    }
}
