package io.tandem.dashboard;

import io.tandem.campaigns.Campaign;
import io.tandem.campaigns.CampaignRole;
import io.tandem.campaigns.CampaignStore;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Programmes: the list, a new one, and each one's funnel and matching round (review, pin or forbid a pair, match
 * again, publish, invite, close), each action the very {@code /mentor admin programme …} command a lead types.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProgrammesPage {

    private static final String LIST = "/dashboard/programmes";

    private final Desk desk;
    private final AsLead asLead;
    private final CampaignStore campaigns;
    private final ProfileStore profiles;
    private final ProfileView view;

    ProgrammesPage(Desk desk, AsLead asLead, CampaignStore campaigns, ProfileStore profiles, ProfileView view) {
        this.desk = desk;
        this.asLead = asLead;
        this.campaigns = campaigns;
        this.profiles = profiles;
        this.view = view;
    }

    /** One programme in the list. */
    record Row(String name, String skills, String until, boolean closed, long learners, long mentors, long invited) {}

    /** A member of a programme, for the pin and forbid choices. */
    record Choice(String id, String label) {}

    @GetMapping(LIST)
    String list(HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "programmes");
        List<Row> rows = campaigns.all(lead.workspace()).stream()
                .map(c -> {
                    Map<MemberId, CampaignRole> members = campaigns.members(c.workspace(), c.name());
                    return new Row(
                            c.name(),
                            c.skills().isEmpty()
                                    ? lead.t().get("programme.all-skills")
                                    : view.skills(c.skills(), lead.language()),
                            c.until() == null
                                    ? lead.t().get("programme.no-end")
                                    : c.until().toString(),
                            c.closed() != null,
                            members.values().stream()
                                    .filter(CampaignRole::learns)
                                    .count(),
                            members.values().stream()
                                    .filter(CampaignRole::teaches)
                                    .count(),
                            campaigns.invited(c.workspace(), c.name()));
                })
                .toList();
        model.addAttribute("programmes", rows);
        return "dashboard/programmes";
    }

    @PostMapping(LIST)
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String skills,
            @RequestParam(defaultValue = "") String until,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Desk.Lead lead = desk.open(request, model, "programmes");
        StringBuilder line = new StringBuilder("/mentor admin programme new ").append(oneWord(name));
        if (!skills.isBlank()) {
            line.append(" skills ").append(skills.strip().replaceAll("\\s+", " "));
        }
        if (!until.isBlank()) {
            line.append(" until ").append(oneWord(until));
        }
        Desk.answer(redirect, asLead.say(lead.id(), lead.language(), line.toString()));
        return "redirect:" + LIST;
    }

    @GetMapping(LIST + "/{name}")
    String programme(@PathVariable String name, HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "programmes");
        Campaign campaign = find(lead, name);
        model.addAttribute("programme", campaign);
        model.addAttribute(
                "funnel", ReplyHtml.of(asLead.say(lead.id(), lead.language(), "/stats programme " + campaign.name())));
        Map<MemberId, CampaignRole> members = campaigns.members(campaign.workspace(), campaign.name());
        Map<MemberId, Profile> known = profiles.findAll(members.keySet());
        model.addAttribute("learners", choices(members, known, CampaignRole::learns));
        model.addAttribute("mentors", choices(members, known, CampaignRole::teaches));
        return "dashboard/programme";
    }

    @PostMapping(LIST + "/{name}/{verb}")
    String act(
            @PathVariable String name,
            @PathVariable String verb,
            @RequestParam(required = false) String learner,
            @RequestParam(required = false) String mentor,
            @RequestParam(defaultValue = "") String whom,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Desk.Lead lead = desk.open(request, model, "programmes");
        Campaign campaign = find(lead, name);
        String command = "/mentor admin programme ";
        Reply reply = switch (verb) {
            case "match" -> asLead.say(lead.id(), lead.language(), command + "match " + campaign.name());
            case "match-best" -> asLead.say(lead.id(), lead.language(), command + "match " + campaign.name() + " best");
            case "publish" -> asLead.say(lead.id(), lead.language(), command + "publish " + campaign.name());
            case "close" -> asLead.say(lead.id(), lead.language(), command + "close " + campaign.name());
            case "invite" ->
                asLead.say(
                        lead.id(),
                        lead.language(),
                        command + "invite " + campaign.name() + " "
                                + whom.strip().replaceAll("\\s+", " "));
            case "pin", "forbid" -> decide(lead, campaign, verb.equals("pin") ? "pair" : "unpair", learner, mentor);
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        Desk.answer(redirect, reply);
        return "redirect:" + LIST + "/" + campaign.name();
    }

    /** {@code pair|unpair <name> @learner @mentor}, the two people named by their member ids. */
    private Reply decide(Desk.Lead lead, Campaign campaign, String verb, String learner, String mentor) {
        Optional<MemberId> l = member(lead, learner);
        Optional<MemberId> m = member(lead, mentor);
        if (l.isEmpty() || m.isEmpty()) {
            return Reply.text(lead.t().get("programme.decide.usage"));
        }
        return asLead.say(
                lead.id(),
                lead.language(),
                "/mentor admin programme " + verb + " " + campaign.name() + " <at>learner</at> <at>mentor</at>",
                List.of(AsLead.mention("learner", l.get()), AsLead.mention("mentor", m.get())));
    }

    private static Optional<MemberId> member(Desk.Lead lead, String typed) {
        return MemberId.parse(typed).filter(id -> id.workspace().equals(lead.workspace()));
    }

    private Campaign find(Desk.Lead lead, String name) {
        return campaigns
                .find(lead.workspace(), name.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static List<Choice> choices(
            Map<MemberId, CampaignRole> members,
            Map<MemberId, Profile> known,
            java.util.function.Predicate<CampaignRole> role) {
        return members.entrySet().stream()
                .filter(e -> role.test(e.getValue()))
                .map(e -> new Choice(
                        e.getKey().toString(),
                        Optional.ofNullable(known.get(e.getKey()))
                                .map(Profile::label)
                                .orElse(e.getKey().user())))
                .sorted(Comparator.comparing(Choice::label).thenComparing(Choice::id))
                .toList();
    }

    /** The first word typed, so a field cannot add words of its own to the command. */
    private static String oneWord(String typed) {
        String[] words = typed.strip().split("\\s+");
        return words.length == 0 ? "" : words[0];
    }
}
