package io.tandem.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tandem.engine.Arguments;
import io.tandem.engine.Caller;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Platform;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.Nudges;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An invitation is recorded only if it was queued: when the nudge store fails mid-way through a list, the person
 * it failed for is not marked invited (the lead's next invite reaches them), and those before stay invited once.
 */
class InvitingMembersTests {

    private final CampaignStore store = mock(CampaignStore.class);
    private final Profiles profiles = mock(Profiles.class);
    private final Nudges nudges = mock(Nudges.class);
    private final InvitingMembers inviting =
            new InvitingMembers(store, profiles, mock(ProfileStore.class), mock(ProfileView.class), nudges);
    private final Campaign campaign = new Campaign("console", "open", List.of(), null, Instant.EPOCH);

    @Test
    void aPersonWhoseInvitationCouldNotBeQueuedIsNotMarkedInvited() {
        Profile bob = person("bob");
        Profile bobby = person("bobby");
        Invocation in = invocation("/mentor admin programme invite open @bob @bobby");
        when(profiles.resolve(any(), any())).thenReturn(bob, bobby);
        when(store.invite(eq("console"), eq("open"), any())).thenReturn(true);
        List<Notification> queued = new ArrayList<>();
        Notifier failsOnTheSecond = n -> {
            if (!queued.isEmpty()) {
                throw new StoreUnavailableException("Redis went away", null);
            }
            queued.add(n);
        };
        when(nudges.politely(Nudge.Kind.PROGRAMME)).thenReturn(failsOnTheSecond);

        assertThatThrownBy(() -> inviting.invite(in, campaign, "open @bob @bobby"))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(queued).singleElement().extracting(Notification::recipient).isEqualTo(bob.id());
        verify(store).uninvite("console", "open", bobby.id());
        verify(store, never()).uninvite("console", "open", bob.id());
    }

    private static Profile person(String user) {
        return Profile.newcomer(new MemberId("console", user), user, Language.EN, ZoneId.of("UTC"), Instant.EPOCH);
    }

    private static Invocation invocation(String line) {
        ChatEvent event = ChatEvent.text(
                Platform.CONSOLE, "", "lena", "lena", Locale.ENGLISH, ZoneId.of("UTC"), "test", line, List.of());
        String args = line.substring(line.indexOf("open"));
        return new Invocation(
                event,
                new Caller(new MemberId("console", "lena"), "lena", Language.EN, ZoneId.of("UTC")),
                Messages.of(Language.EN),
                new Arguments(args));
    }
}
