package io.tandem.dashboard;

import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.modules.Modules;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.programme.RosterImport;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Members: search by name, handle, team or skill; and the roster, uploaded as a CSV file (or pasted) and imported
 * by {@code /mentor admin import}, in parts that each fit a command, with its report of each row. A module file
 * (its header names a goal and a topic) goes to {@code /mentor admin modules import} the same way.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class MembersPage {

    static final int SHOWN = 50;
    static final int MAX_BYTES = 1_000_000;
    private static final String PATH = "/dashboard/members";

    private final Desk desk;
    private final AsLead asLead;
    private final ProfileStore profiles;
    private final ProfileView view;

    MembersPage(Desk desk, AsLead asLead, ProfileStore profiles, ProfileView view) {
        this.desk = desk;
        this.asLead = asLead;
        this.profiles = profiles;
        this.view = view;
    }

    /** One member found. */
    record Row(
            String name, String handle, String seniority, String team, String teaches, String learns, boolean paused) {}

    @GetMapping(PATH)
    String members(@RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "members");
        String wanted = Text.fold(q).strip();
        List<Row> found = new ArrayList<>();
        long total = profiles.count(lead.workspace());
        long matching = 0;
        for (Profile p : profiles.findAll(profiles.members(lead.workspace())).values().stream()
                .sorted(Comparator.comparing(Profile::label).thenComparing(p -> p.id().toString()))
                .toList()) {
            String teaches = view.skills(p.teaches(), lead.language());
            String learns = view.skills(p.learns(), lead.language());
            if (!wanted.isEmpty()
                    && !Text.fold(String.join(
                                    " ", p.name(), p.handle(), p.team() == null ? "" : p.team(), teaches, learns))
                            .contains(wanted)) {
                continue;
            }
            matching++;
            if (found.size() < SHOWN) {
                found.add(new Row(
                        p.name(),
                        p.handle(),
                        p.seniority() == null ? "" : lead.t().get(p.seniority().messageKey()),
                        p.team() == null ? "" : p.team(),
                        teaches,
                        learns,
                        p.paused()));
            }
        }
        model.addAttribute("q", q);
        model.addAttribute("members", found);
        model.addAttribute("total", total);
        model.addAttribute("matching", matching);
        return "dashboard/members";
    }

    @PostMapping(PATH + "/roster")
    String roster(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String csv,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Desk.Lead lead = desk.open(request, model, "members");
        String text = csv;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_BYTES) {
                Desk.answer(redirect, Reply.text(lead.t().get("dashboard.roster.too-big")));
                return "redirect:" + PATH;
            }
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(file.getBytes()))
                        .toString()
                        .replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                Desk.answer(redirect, Reply.text(lead.t().get("dashboard.roster.not-utf8")));
                return "redirect:" + PATH;
            }
        }
        // a file whose header names a goal and a topic is learning modules, imported whole modules at a time
        boolean modules = Modules.isModuleFile(text);
        String command = modules ? "/mentor admin modules import\n" : "/mentor admin import\n";
        List<String> parts = modules ? Modules.fileParts(text, RosterImport.PART) : RosterImport.parts(text);
        if (parts.isEmpty()) {
            Desk.answer(redirect, Reply.text(lead.t().get("dashboard.roster.empty")));
            return "redirect:" + PATH;
        }
        List<Reply> replies = new ArrayList<>();
        for (String part : parts) {
            replies.add(asLead.say(lead.id(), lead.language(), command + part));
        }
        Desk.answer(redirect, replies);
        return "redirect:" + PATH;
    }
}
