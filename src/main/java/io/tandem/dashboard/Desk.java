package io.tandem.dashboard;

import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What every page needs: the signed-in lead, the language (the browser's, or the one chosen with {@code ?lang=},
 * kept for the session), the texts, and the answer of the last thing done, shown once after its redirect.
 */
@Component
class Desk {

    static final String LANGUAGE = "tandem.dashboard.language";
    static final String ANSWER = "answer";

    private final Profiles profiles;

    Desk(Profiles profiles) {
        this.profiles = profiles;
    }

    /** The lead on this request, with their page's language. */
    record Lead(MemberId id, Language language, Messages t) {
        String workspace() {
            return id.workspace();
        }
    }

    /** The signed-in lead (the security chain lets no one else through), and the page's common model. */
    Lead open(HttpServletRequest request, Model model, String page) {
        MemberId id = SignedIn.member(SecurityContextHolder.getContext().getAuthentication())
                .orElseThrow(() -> new IllegalStateException("the dashboard is for signed-in leads only"));
        Language language = language(request);
        Messages t = Messages.of(language);
        model.addAttribute("t", t);
        model.addAttribute("lang", language.code());
        model.addAttribute("otherLang", language == Language.FR ? "en" : "fr");
        model.addAttribute("page", page);
        model.addAttribute("path", request.getRequestURI());
        model.addAttribute("leadName", profiles.find(id).map(Profile::label).orElse(id.user()));
        return new Lead(id, language, t);
    }

    /** For the pages anyone may see (sign-in, 403): just the language and the texts. */
    Messages texts(HttpServletRequest request, Model model, String page) {
        Language language = language(request);
        model.addAttribute("t", Messages.of(language));
        model.addAttribute("lang", language.code());
        model.addAttribute("otherLang", language == Language.FR ? "en" : "fr");
        model.addAttribute("page", page);
        model.addAttribute("path", request.getRequestURI());
        return Messages.of(language);
    }

    static Language language(HttpServletRequest request) {
        Optional<Language> asked =
                Optional.ofNullable(request.getParameter("lang")).flatMap(Language::parse);
        HttpSession session = request.getSession(false);
        if (asked.isPresent()) {
            if (session != null) {
                session.setAttribute(LANGUAGE, asked.get().code());
            }
            return asked.get();
        }
        if (session != null && session.getAttribute(LANGUAGE) instanceof String kept) {
            return Language.parse(kept).orElse(Language.EN);
        }
        return Language.of(request.getLocale());
    }

    /** Shows the engine's answers on the next page, once. */
    static void answer(RedirectAttributes redirect, List<Reply> replies) {
        redirect.addFlashAttribute(
                ANSWER, replies.stream().flatMap(r -> ReplyHtml.of(r).stream()).toList());
    }

    static void answer(RedirectAttributes redirect, Reply reply) {
        answer(redirect, List.of(reply));
    }
}
