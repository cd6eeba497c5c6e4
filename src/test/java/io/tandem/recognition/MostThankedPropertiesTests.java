package io.tandem.recognition;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The monthly post's names over generated thanks and choices (handles that are prefixes of one another, former
 * members): only people who chose to be named, never a former member, at most five, and nobody named who was thanked
 * less than someone left out among those who chose.
 */
class MostThankedPropertiesTests {

    private static final List<String> USERS = List.of("an", "ann", "anna", "anne", "bob", "bob.smith", "bobby", "b");

    @Property(tries = 300)
    void namesOnlyThoseWhoChoseAndTheMostThankedOfThem(@ForAll long seed) {
        Random random = new Random(seed);
        List<Thanks> thanks = new ArrayList<>();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            MemberId from = new MemberId("console", USERS.get(random.nextInt(USERS.size())));
            MemberId to = random.nextInt(10) == 0
                    ? MemberId.former("console")
                    : new MemberId("console", USERS.get(random.nextInt(USERS.size())));
            thanks.add(new Thanks("t" + i, from, to, null, Instant.EPOCH.plusSeconds(i)));
        }
        Set<String> named = new HashSet<>();
        USERS.stream().filter(u -> random.nextBoolean()).forEach(named::add);

        List<String> shown = RecognitionPost.mostThanked(thanks, named);

        assertThat(shown).hasSizeLessThanOrEqualTo(RecognitionPost.NAMED).doesNotHaveDuplicates();
        assertThat(named).containsAll(shown);
        Map<String, Long> counts = new HashMap<>();
        thanks.stream().filter(t -> !t.to().formerMember()).forEach(t -> counts.merge(t.to().user(), 1L, Long::sum));
        shown.forEach(u -> assertThat(counts.getOrDefault(u, 0L)).isPositive());
        long leastShown = shown.stream().mapToLong(counts::get).min().orElse(Long.MAX_VALUE);
        named.stream()
                .filter(u -> !shown.contains(u))
                .forEach(u -> assertThat(counts.getOrDefault(u, 0L))
                        .as("%s left out", u)
                        .isLessThanOrEqualTo(shown.size() < RecognitionPost.NAMED ? 0 : leastShown));
    }
}
