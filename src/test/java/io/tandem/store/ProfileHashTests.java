package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileHashTests {

    private static Profile joinedAt(Instant joined) {
        return new Profile(
                new MemberId("console", "ana"),
                "Ana",
                "ana",
                null,
                Language.EN,
                ZoneId.of("Europe/Paris"),
                false,
                Seniority.MID,
                null,
                null,
                2,
                0,
                null,
                false,
                Set.of("seo"),
                Set.of(),
                joined);
    }

    private static Profile roundTrip(Profile p) {
        Map<Object, Object> raw = new LinkedHashMap<>(ProfileHash.write(p));
        return ProfileHash.read(p.id(), raw);
    }

    @Test
    void readsAJoiningDateAfter2038() {
        Instant after2038 = Instant.parse("2038-01-19T03:14:08Z"); // 2^31 seconds: one past the int range
        Instant far = Instant.parse("2099-12-31T23:59:59Z");
        assertThat(roundTrip(joinedAt(after2038)).joined()).isEqualTo(after2038);
        assertThat(roundTrip(joinedAt(far)).joined()).isEqualTo(far);
    }

    @Test
    void readsAJoiningDateBefore2038() {
        Instant joined = Instant.parse("2026-03-01T09:00:00Z");
        assertThat(roundTrip(joinedAt(joined))).isEqualTo(joinedAt(joined));
    }
}
