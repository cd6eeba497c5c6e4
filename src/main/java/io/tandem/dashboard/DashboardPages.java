package io.tandem.dashboard;

import io.tandem.engine.Action;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.stats.Period;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The smaller pages: delivery (what failed or was skipped, and why, as {@code /stats delivery}), exports (the CSV
 * of {@code /stats export}), the sign-in page, the 403 page, and the buttons of an answer, clicked as the lead.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class DashboardPages {

    private final Desk desk;
    private final AsLead asLead;
    private final DashboardClients.Providers providers;
    private final ObjectProvider<DemoSignIn> demo;
    private final Profiles profiles;

    DashboardPages(
            Desk desk,
            AsLead asLead,
            DashboardClients.Providers providers,
            ObjectProvider<DemoSignIn> demo,
            Profiles profiles) {
        this.desk = desk;
        this.asLead = asLead;
        this.providers = providers;
        this.demo = demo;
        this.profiles = profiles;
    }

    /** A way to sign in: a provider's link, or one of the demo's leads. */
    record SignInChoice(String id, String label) {}

    @GetMapping("/dashboard/delivery")
    String delivery(HttpServletRequest request, Model model) {
        Desk.Lead lead = desk.open(request, model, "delivery");
        model.addAttribute("report", ReplyHtml.of(asLead.say(lead.id(), lead.language(), "/stats delivery")));
        return "dashboard/delivery";
    }

    @GetMapping("/dashboard/exports")
    String exports(HttpServletRequest request, Model model) {
        desk.open(request, model, "exports");
        model.addAttribute("periods", List.of(Period.values()));
        return "dashboard/exports";
    }

    @PostMapping("/dashboard/exports")
    String export(
            @RequestParam(defaultValue = "month") String period,
            @RequestParam(defaultValue = "") String skill,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Desk.Lead lead = desk.open(request, model, "exports");
        Period p = Period.parse(period).orElse(Period.MONTH);
        String line = "/stats export " + p.name().toLowerCase(Locale.ROOT)
                + (skill.isBlank() ? "" : " " + skill.strip().replaceAll("\\s+", " "));
        Desk.answer(redirect, asLead.say(lead.id(), lead.language(), line));
        return "redirect:/dashboard/exports";
    }

    /** A button of an answer shown on a page, clicked: the engine checks it as it checks a click in chat. */
    @PostMapping("/dashboard/act")
    String act(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        Desk.Lead lead = desk.open(request, model, "overview");
        String id = form.getOrDefault("action", "");
        String back = form.getOrDefault("back", "/dashboard");
        if (!back.matches("/dashboard(/[a-z0-9-]+)*")) {
            back = "/dashboard";
        }
        if (!id.isBlank()) {
            Desk.answer(
                    redirect, asLead.click(lead.id(), lead.language(), new Action(id, form.get("value"), Map.of())));
        }
        return "redirect:" + back;
    }

    @GetMapping(DashboardSecurity.SIGN_IN)
    String signIn(HttpServletRequest request, Model model) {
        desk.texts(request, model, "sign-in");
        model.addAttribute(
                "providers",
                providers.all().stream()
                        .map(r -> new SignInChoice(r.getRegistrationId(), r.getClientName()))
                        .toList());
        DemoSignIn demoSignIn = demo.getIfAvailable();
        List<SignInChoice> leads = demoSignIn == null
                ? List.of()
                : demoSignIn.leads().stream()
                        .map(id -> new SignInChoice(
                                id.toString(),
                                profiles.find(id).map(Profile::label).orElse(id.user())))
                        .toList();
        model.addAttribute("demo", demoSignIn != null);
        model.addAttribute("demoLeads", leads);
        model.addAttribute("failed", request.getParameter("failed") != null);
        model.addAttribute("signedOut", request.getParameter("signed-out") != null);
        return "dashboard/sign-in";
    }

    /** Any method: a refused POST is forwarded here as it came. */
    @RequestMapping(DashboardSecurity.FORBIDDEN)
    String forbidden(HttpServletRequest request, HttpServletResponse response, Model model) {
        return refused(request, response, model, false);
    }

    /** A form sent without its CSRF token, or with one from an older session: reload and try again. */
    @RequestMapping(DashboardSecurity.EXPIRED)
    String expired(HttpServletRequest request, HttpServletResponse response, Model model) {
        return refused(request, response, model, true);
    }

    private String refused(HttpServletRequest request, HttpServletResponse response, Model model, boolean expired) {
        desk.texts(request, model, "forbidden");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("expired", expired);
        return "dashboard/forbidden";
    }
}
