package io.tandem.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How a member is named in lists: never by an id nobody can read. */
class ProfileLabelTests {

    private static Profile member(Platform platform, String user, String name) {
        return Profile.newcomer(MemberId.of(platform, "T1", user), name, Language.EN, ZoneOffset.UTC, Instant.EPOCH);
    }

    @Test
    void showsATeamsMemberByNameAloneRatherThanTheirAadObjectId() {
        Profile bob = member(Platform.TEAMS, "bbbbbbbb-1111-2222-3333-444444444444", "Bob Teams");
        assertThat(bob.label()).isEqualTo("Bob Teams");
    }

    @Test
    void showsATeamsMembersUserPrincipalNameWhenTandemKnowsIt() {
        Profile bob = member(Platform.TEAMS, "bbbbbbbb-1111-2222-3333-444444444444", "Bob Teams")
                .withHandle("bob@contoso.com");
        assertThat(bob.label()).isEqualTo("Bob Teams (@bob@contoso.com)");
    }

    @Test
    void showsTheHandleOthersTypeElsewhere() {
        assertThat(member(Platform.CONSOLE, "carla", "carla").label()).isEqualTo("carla (@carla)");
        assertThat(member(Platform.SLACK, "U0ANA", "Ana Lima").withHandle("ana").label())
                .isEqualTo("Ana Lima (@ana)");
    }
}
