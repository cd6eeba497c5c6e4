package io.tandem.campaigns;

import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.AdminSubcommand;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code /mentor admin programme …} for leads: {@code new <name> [skills <s1, s2…>] [until <yyyy-mm-dd>]},
 * {@code list}, {@code match <name> [best]} (the review of a whole-pool round, {@link MatchingRound}) and
 * {@code publish <name>} (forming the pairs reviewed, {@link PublishingRound}).
 */
@Component
class Campaigns implements AdminSubcommand {

    private static final Pattern UNTIL =
            Pattern.compile("\\s*\\b(?:until|jusqu'au|jusqu’au|jusquau|fin)\\s+(\\S+)\\s*$");
    private static final Pattern SKILLS = Pattern.compile("^(?:skills|competences)\\s+(.+)$");

    private final CampaignStore store;
    private final SkillCatalog catalog;
    private final ProfileView view;
    private final MatchingRound round;
    private final PublishingRound publishing;
    private final Profiles profiles;
    private final CampaignStatus status;
    private final InvitingMembers inviting;
    private final Clock clock;

    Campaigns(
            CampaignStore store,
            SkillCatalog catalog,
            ProfileView view,
            MatchingRound round,
            PublishingRound publishing,
            Profiles profiles,
            CampaignStatus status,
            InvitingMembers inviting,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.view = view;
        this.round = round;
        this.publishing = publishing;
        this.profiles = profiles;
        this.status = status;
        this.inviting = inviting;
        this.clock = clock;
    }

    @Override
    public List<String> words() {
        return List.of("programme", "program", "programmes", "programs");
    }

    @Override
    public Reply run(Invocation in, String rest) {
        String[] parts = rest.strip().split("\\s+", 2);
        String verb = Text.fold(parts[0]);
        String after = parts.length > 1 ? parts[1].strip() : "";
        return switch (verb) {
            case "new", "nouveau", "creer" -> create(in, after);
            case "list", "liste", "" -> list(in);
            case "match", "apparier", "matcher" -> match(in, after);
            case "pair", "associer" -> decide(in, after, CampaignStore.Decision.PINNED);
            case "unpair", "dissocier", "separer" -> decide(in, after, CampaignStore.Decision.FORBIDDEN);
            case "status", "etat", "bilan" -> status.status(in, find(in, after));
            case "invite", "inviter" -> inviting.invite(in, running(in, after), after);
            case "publish", "publier" -> publishing.publish(in, running(in, after));
            case "close", "clore", "fermer", "cloturer" -> close(in, find(in, after));
            default -> throw new Refusal("programme.usage");
        };
    }

    private Reply create(Invocation in, String typed) {
        String[] parts = typed.split("\\s+", 2);
        String name = parts[0].toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new Refusal("programme.usage");
        }
        if (!Campaign.NAME.matcher(name).matches()) {
            throw new Refusal("programme.bad-name", parts[0]);
        }
        String rest = parts.length > 1 ? parts[1].strip() : "";
        LocalDate until = null;
        Matcher u = UNTIL.matcher(rest);
        if (u.find()) {
            until = date(u.group(1), in);
            rest = rest.substring(0, u.start()).strip();
        }
        List<String> skills = skills(rest);
        String ws = in.caller().id().workspace();
        Campaign campaign = new Campaign(ws, name, skills, until, clock.instant());
        if (!store.create(campaign)) {
            throw new Refusal("programme.exists", name);
        }
        return Reply.text(in.t(
                "programme.created",
                name,
                skills.isEmpty()
                        ? in.t("programme.all-skills")
                        : view.skills(skills, in.messages().language()),
                until == null ? in.t("programme.no-end") : until.toString()));
    }

    private LocalDate date(String typed, Invocation in) {
        LocalDate date;
        try {
            date = LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            throw new Refusal("programme.bad-date", typed);
        }
        if (date.isBefore(today(in))) {
            throw new Refusal("programme.past-date", typed);
        }
        return date;
    }

    private LocalDate today(Invocation in) {
        return today(in, clock);
    }

    /** Today where the member is (UTC if their timezone is unknown). */
    static LocalDate today(Invocation in, Clock clock) {
        return LocalDate.ofInstant(
                clock.instant(),
                in.caller().zone() == null ? ZoneOffset.UTC : in.caller().zone());
    }

    private List<String> skills(String typed) {
        if (typed.isEmpty()) {
            return List.of();
        }
        Matcher m = SKILLS.matcher(Text.fold(typed));
        if (!m.matches()) {
            throw new Refusal("programme.usage");
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String word : m.group(1).split(",")) {
            String skill = word.strip();
            if (!skill.isEmpty()) {
                // a programme is about skills of the taxonomy: a free tag here is most likely a typo
                Optional<SkillMatch> match = catalog.resolve(skill).filter(SkillMatch.Known.class::isInstance);
                match.ifPresentOrElse(s -> ids.add(s.id()), () -> unknown.add(skill));
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refusal("programme.unknown-skills", String.join(", ", unknown));
        }
        return List.copyOf(ids);
    }

    private Reply list(Invocation in) {
        List<Campaign> all = store.all(in.caller().id().workspace());
        if (all.isEmpty()) {
            return Reply.text(in.t("programme.none"));
        }
        List<String> lines = all.stream()
                .map(c -> {
                    Map<?, CampaignRole> members = store.members(c.workspace(), c.name());
                    long learners = members.values().stream()
                            .filter(CampaignRole::learns)
                            .count();
                    long mentors = members.values().stream()
                            .filter(CampaignRole::teaches)
                            .count();
                    return (c.closed() == null ? "" : in.t("programme.closed.tag") + " ")
                            + in.t(
                                    "programme.line",
                                    c.name(),
                                    c.skills().isEmpty()
                                            ? in.t("programme.all-skills")
                                            : view.skills(
                                                    c.skills(), in.messages().language()),
                                    c.until() == null
                                            ? in.t("programme.no-end")
                                            : c.until().toString(),
                                    learners,
                                    mentors);
                })
                .toList();
        return Reply.builder()
                .items(in.t("programme.list.heading"), lines)
                .section(null, in.t("programme.list.hint"))
                .build();
    }

    private Reply match(Invocation in, String typed) {
        String[] parts = typed.split("\\s+");
        Campaign campaign = running(in, parts[0]);
        boolean best =
                Arrays.stream(parts).skip(1).map(Text::fold).anyMatch(w -> w.equals("best") || w.equals("meilleurs"));
        return round.review(in, campaign, best);
    }

    /** {@code pair <name> @learner @mentor}: always in the next rounds; {@code unpair}: never. */
    private Reply decide(Invocation in, String typed, CampaignStore.Decision decision) {
        Campaign campaign = running(in, typed);
        List<PersonRef> people = in.args().people();
        if (people.size() != 2) {
            throw new Refusal("programme.decide.usage");
        }
        Profile learner = profiles.resolve(in, people.get(0));
        Profile mentor = profiles.resolve(in, people.get(1));
        if (learner.id().equals(mentor.id())) {
            throw new Refusal("programme.decide.self");
        }
        Map<MemberId, CampaignRole> members = store.members(campaign.workspace(), campaign.name());
        CampaignRole learns = members.get(learner.id());
        CampaignRole teaches = members.get(mentor.id());
        if (learns == null || !learns.learns()) {
            throw new Refusal("programme.decide.not-learner", learner.label(), campaign.name());
        }
        if (teaches == null || !teaches.teaches()) {
            throw new Refusal("programme.decide.not-mentor", mentor.label(), campaign.name());
        }
        store.decide(campaign.workspace(), campaign.name(), learner.id(), mentor.id(), decision);
        return Reply.text(in.t(
                decision == CampaignStore.Decision.PINNED ? "programme.pinned" : "programme.forbidden",
                learner.label(),
                mentor.label(),
                campaign.name()));
    }

    /** {@code close <name>}: no one new, no more rounds; the pairs it formed go on. */
    private Reply close(Invocation in, Campaign campaign) {
        if (!store.close(campaign.closedAt(clock.instant()))) {
            throw new Refusal("programme.closed.already", campaign.name());
        }
        return Reply.text(in.t(
                "programme.closed.done",
                campaign.name(),
                store.pairs(campaign.workspace(), campaign.name()).size()));
    }

    /** As {@link #find}, refused if the programme is closed or past its end date (nothing new happens in it). */
    Campaign running(Invocation in, String typed) {
        Campaign campaign = find(in, typed);
        requireOpen(in, campaign, clock);
        return campaign;
    }

    static void requireOpen(Invocation in, Campaign campaign, Clock clock) {
        if (campaign.closed() != null) {
            throw new Refusal("programme.closed.now", campaign.name());
        }
        if (!campaign.open(today(in, clock))) {
            throw new Refusal(
                    "programme.closed", campaign.name(), campaign.until().toString());
        }
    }

    /** The programme the first word of {@code typed} names, or a refusal that says there is none. */
    Campaign find(Invocation in, String typed) {
        String name = typed.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new Refusal("programme.usage");
        }
        return store.find(in.caller().id().workspace(), name).orElseThrow(() -> new Refusal("programme.unknown", name));
    }
}
