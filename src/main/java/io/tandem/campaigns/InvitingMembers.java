package io.tandem.campaigns;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin programme invite <name> @people…}: each person named is invited once, in their language,
 * through the delivery queue, with a button for each way to join.
 */
@Component
class InvitingMembers {

    private final CampaignStore store;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;

    InvitingMembers(CampaignStore store, Profiles profiles, ProfileView view, Notifier notifier) {
        this.store = store;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
    }

    Reply invite(Invocation in, Campaign campaign) {
        List<PersonRef> people = in.args().people();
        if (people.isEmpty()) {
            throw new Refusal("programme.invite.usage");
        }
        List<Profile> named =
                people.stream().map(ref -> profiles.resolve(in, ref)).toList();
        List<String> invited = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Profile p : named) {
            if (store.invite(campaign.workspace(), campaign.name(), p.id())) {
                notifier.send(invitation(in, campaign, p));
                invited.add(p.label());
            } else {
                already.add(p.label());
            }
        }
        Reply.Builder reply = Reply.builder().text(in.t("programme.invited", campaign.name(), invited.size()));
        if (!invited.isEmpty()) {
            reply.items(in.t("programme.invited.now"), invited);
        }
        if (!already.isEmpty()) {
            reply.items(in.t("programme.invited.before"), already);
        }
        return reply.build();
    }

    private Notification invitation(Invocation in, Campaign campaign, Profile to) {
        Messages theirs = Messages.of(to.effectiveLanguage());
        List<Block.Button> buttons = new ArrayList<>();
        for (CampaignRole role : CampaignRole.values()) {
            buttons.add(new Block.Button(
                    JoiningCampaign.JOIN,
                    theirs.get("programme.join." + role.name().toLowerCase(java.util.Locale.ROOT)),
                    ActionValue.of("programme", campaign.name(), "role", role.name()),
                    role == CampaignRole.BOTH ? Block.ButtonStyle.PRIMARY : Block.ButtonStyle.DEFAULT));
        }
        Reply message = Reply.builder()
                .text(theirs.get(
                        "programme.invitation",
                        in.caller().name(),
                        campaign.name(),
                        campaign.skills().isEmpty()
                                ? theirs.get("programme.all-skills")
                                : view.skills(campaign.skills(), theirs.language()),
                        campaign.until() == null
                                ? theirs.get("programme.no-end")
                                : campaign.until().toString()))
                .block(new Block.Section(null, null, List.of(), buttons))
                .build();
        return Notification.of(to.id(), NotificationKind.PROGRAMME_INVITATION, theirs, message)
                .about(in.caller().id());
    }
}
