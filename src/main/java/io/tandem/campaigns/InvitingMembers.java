package io.tandem.campaigns;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.nudges.Nudge;
import io.tandem.nudges.Nudges;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.profiles.Seniority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin programme invite <name> <@people… | seniority <level> | team <team> | all>}: each person
 * is invited once, in their language and their working hours (a nudge: queued, delivered by whichever instance
 * claims it), with a button for each way to join. It reaches paused members too: those a roster import added, who
 * have not opted in yet, and those who paused; joining opts them in.
 */
@Component
class InvitingMembers {

    /** The names a reply lists for a whole population before it says "and N more". */
    static final int LISTED = 20;

    private final CampaignStore store;
    private final Profiles profiles;
    private final ProfileStore profileStore;
    private final ProfileView view;
    private final Nudges nudges;

    InvitingMembers(
            CampaignStore store, Profiles profiles, ProfileStore profileStore, ProfileView view, Nudges nudges) {
        this.store = store;
        this.profiles = profiles;
        this.profileStore = profileStore;
        this.view = view;
        this.nudges = nudges;
    }

    /** {@code typed} is what follows {@code invite}: the programme's name, then whom. */
    Reply invite(Invocation in, Campaign campaign, String typed) {
        String[] parts = typed.strip().split("\\s+", 2);
        String whom = parts.length > 1 ? parts[1].strip() : "";
        List<PersonRef> people = in.args().people();
        List<Profile> chosen;
        String population = null;
        if (!people.isEmpty()) {
            chosen = people.stream().map(ref -> profiles.resolve(in, ref)).toList();
        } else {
            Audience audience = audience(in, whom);
            population = audience.description();
            MemberId lead = in.caller().id();
            Set<MemberId> everyone = profileStore.members(campaign.workspace());
            everyone.remove(lead);
            chosen = profileStore.findAll(everyone).values().stream()
                    .filter(audience.who())
                    .sorted(Comparator.comparing(Profile::label))
                    .toList();
            if (chosen.isEmpty()) {
                throw new Refusal("programme.invite.nobody", population);
            }
        }
        Notifier politely = nudges.politely(Nudge.Kind.PROGRAMME);
        List<String> invited = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Profile p : chosen) {
            if (store.invite(campaign.workspace(), campaign.name(), p.id())) {
                try {
                    politely.send(invitation(in, campaign, p));
                } catch (RuntimeException e) {
                    // not sent (Redis went away mid-way): not invited either, so inviting again reaches them
                    store.uninvite(campaign.workspace(), campaign.name(), p.id());
                    throw e;
                }
                invited.add(p.label());
            } else {
                already.add(p.label());
            }
        }
        Reply.Builder reply = Reply.builder().text(in.t("programme.invited", campaign.name(), invited.size()));
        if (population != null) {
            reply.section(null, in.t("programme.invite.population", population, chosen.size()));
        }
        list(in, reply, "programme.invited.now", invited);
        list(in, reply, "programme.invited.before", already);
        return reply.build();
    }

    private static void list(Invocation in, Reply.Builder reply, String heading, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<String> shown = new ArrayList<>(names.subList(0, Math.min(LISTED, names.size())));
        if (names.size() > LISTED) {
            shown.add(in.t("programme.invited.more", names.size() - LISTED));
        }
        reply.items(in.t(heading), shown);
    }

    /** Whom a population invitation is for, and how the reply names it. */
    private record Audience(Predicate<Profile> who, String description) {}

    private static Audience audience(Invocation in, String whom) {
        String folded = Text.fold(whom).strip();
        String[] parts = folded.split("\\s+", 2);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        return switch (parts[0]) {
            case "all", "everyone", "everybody", "tous", "tout", "tout-le-monde" ->
                new Audience(p -> true, in.t("programme.invite.all"));
            case "seniority", "level", "seniorite", "anciennete", "niveau" -> {
                Seniority level =
                        Seniority.parse(rest).orElseThrow(() -> new Refusal("programme.invite.bad-seniority", rest));
                yield new Audience(
                        p -> p.seniority() == level, in.t("programme.invite.seniority", in.t(level.messageKey())));
            }
            case "team", "equipe" -> {
                if (rest.isEmpty()) {
                    throw new Refusal("programme.invite.usage");
                }
                String team = whom.strip().split("\\s+", 2)[1].strip();
                yield new Audience(
                        p -> p.team() != null && Text.fold(p.team()).equals(rest), in.t("programme.invite.team", team));
            }
            default -> throw new Refusal("programme.invite.usage");
        };
    }

    private Notification invitation(Invocation in, Campaign campaign, Profile to) {
        Messages theirs = Messages.of(to.effectiveLanguage());
        List<Block.Button> buttons = new ArrayList<>();
        for (CampaignRole role : CampaignRole.values()) {
            buttons.add(new Block.Button(
                    JoiningCampaign.JOIN,
                    theirs.get("programme.join." + role.name().toLowerCase(Locale.ROOT)),
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
