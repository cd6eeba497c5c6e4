package io.tandem.dashboard;

import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.programme.Programme;
import io.tandem.programme.ProgrammeSettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every {@code /mentor admin set} setting as a form: each field shows the value in force (as
 * {@code /mentor admin settings} says it) and the value a lead set, if any; an empty field is the default. Values
 * are checked by the same {@link ProgrammeSettings} as the command, and a refusal shows under its field.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SettingsPage {

    private static final String PATH = "/dashboard/settings";

    private final Desk desk;
    private final AsLead asLead;
    private final ProgrammeSettings settings;
    private final Programme programme;

    SettingsPage(Desk desk, AsLead asLead, ProgrammeSettings settings, Programme programme) {
        this.desk = desk;
        this.asLead = asLead;
        this.settings = settings;
        this.programme = programme;
    }

    /** One setting on the form: what is typed in its field, what is in force, and what went wrong. */
    record Setting(String id, String label, String help, String value, String inForce, String error) {}

    @GetMapping(PATH)
    String form(HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "settings");
        model.addAttribute("settings", settings(lead, settings.changed(lead.workspace()), Map.of()));
        return "dashboard/settings";
    }

    @PostMapping(PATH)
    String save(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Desk.Lead lead = desk.open(request, model, "settings");
        String ws = lead.workspace();
        Map<String, String> changed = settings.changed(ws);
        Map<String, String> typed = new HashMap<>(changed);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        Messages t = lead.t();
        for (ProgrammeSettings.Key key : ProgrammeSettings.Key.values()) {
            String value = form.getOrDefault("setting." + key.id(), "").strip();
            String before = changed.getOrDefault(key.id(), "");
            typed.put(key.id(), value);
            try {
                if (value.isEmpty() && changed.containsKey(key.id())) {
                    settings.reset(ws, key);
                    done.add(t.get("settings.reset", key.id()));
                } else if (!value.isEmpty() && !value.equals(before)) {
                    if (key == ProgrammeSettings.Key.PROGRAMME_CHANNEL) {
                        programme.setChannel(AsLead.said(lead.id(), lead.language(), "", List.of()), value);
                    } else {
                        settings.set(ws, key, value);
                    }
                    done.add(t.get("dashboard.settings.saved", key.id()));
                }
            } catch (Refusal refusal) {
                errors.put(key.id(), t.get(refusal.key(), refusal.args()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("settings", settings(lead, typed, errors));
            model.addAttribute("saved", done);
            return "dashboard/settings";
        }
        Desk.answer(
                redirect, Reply.text(done.isEmpty() ? t.get("dashboard.settings.unchanged") : String.join("\n", done)));
        return "redirect:" + PATH;
    }

    private List<Setting> settings(Desk.Lead lead, Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> inForce = new HashMap<>();
        Reply current = asLead.say(lead.id(), lead.language(), "/mentor admin settings");
        for (Block block : current.blocks()) {
            if (block instanceof Block.Section s) {
                s.fields().forEach(f -> inForce.put(f.label(), f.value()));
            }
        }
        Messages t = lead.t();
        List<Setting> shown = new ArrayList<>();
        for (ProgrammeSettings.Key key : ProgrammeSettings.Key.values()) {
            shown.add(new Setting(
                    key.id(),
                    t.get("dashboard.setting." + key.id()),
                    t.get("dashboard.setting." + key.id() + ".help"),
                    typed.getOrDefault(key.id(), ""),
                    inForce.getOrDefault(key.id(), ""),
                    errors.get(key.id())));
        }
        return shown;
    }
}
