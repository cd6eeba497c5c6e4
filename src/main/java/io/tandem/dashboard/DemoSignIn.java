package io.tandem.dashboard;

import io.tandem.config.LocalMode;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.programme.Programme;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The demo's sign-in, in pure local mode only ({@link LocalMode}: no Slack, no Teams, no external Redis): pick one
 * of the demo's leads, as the console lets anyone type a handle. Never on where real members may be reached.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Conditional(DemoSignIn.On.class)
class DemoSignIn {

    static final String PATH = "/dashboard/demo-sign-in";

    private final Programme programme;
    private final SecurityContextRepository contexts;

    DemoSignIn(Programme programme, SecurityContextRepository contexts) {
        this.programme = programme;
        this.contexts = contexts;
    }

    /** The demo's leads the sign-in page lists. */
    List<MemberId> leads() {
        return programme.leads(Platform.CONSOLE.id());
    }

    @PostMapping(PATH)
    String signIn(
            @RequestParam(required = false) String member, HttpServletRequest request, HttpServletResponse response) {
        MemberId id = MemberId.parse(member).orElse(null);
        if (id == null || !leads().contains(id)) {
            return "redirect:" + DashboardSecurity.SIGN_IN + "?failed";
        }
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: the session signed in is a new one
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new SignedIn.DemoLead(id.toString()), null, List.of()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/dashboard";
    }

    static final class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return LocalMode.pure(context.getEnvironment())
                    && !"false"
                            .equalsIgnoreCase(context.getEnvironment()
                                    .getProperty("tandem.dashboard.demo-sign-in", "")
                                    .strip());
        }
    }
}
