package io.tandem.console;

import io.tandem.engine.ChatEvent;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is who in the console, beside the chat itself: the programme leads (the page names them, so a newcomer
 * knows whom to become for {@code /stats}), and the language switch, which reports a member's locale at once, as
 * Slack or Teams report theirs, so their notifications are written in it before they type anything.
 */
@RestController
@RequestMapping("/api/console")
@Conditional(ConsoleConditions.On.class)
class ConsoleMembersController {

    /** The page offers a button per lead: a handful is plenty. */
    private static final int MOST_LEADS = 5;

    private static final String CONVERSATION = "console";

    private final Programme programme;
    private final Profiles profiles;

    ConsoleMembersController(Programme programme, Profiles profiles) {
        this.programme = programme;
        this.profiles = profiles;
    }

    /** {@code {"leads":[{"handle":"lena","name":"Lena Dubois"}]}}: the console workspace's programme leads. */
    @GetMapping("/leads")
    Map<String, Object> leads() {
        List<Object> leads = new ArrayList<>();
        for (MemberId lead : programme.leads(Platform.CONSOLE.id())) {
            if (leads.size() == MOST_LEADS) {
                break;
            }
            if (lead.isChannel()) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("handle", lead.user());
            item.put("name", profiles.find(lead).map(Profile::name).orElse(lead.user()));
            leads.add(item);
        }
        return Map.of("leads", leads);
    }

    record LanguageRequest(String user, String locale) {}

    /**
     * {@code {"user":"alice","locale":"fr"}}: the console's EN/FR switch. Answers the language Tandem now writes
     * to the member in, which stays their own choice when they made one ({@code /mentor set language}).
     */
    @PostMapping("/language")
    Map<String, Object> language(@RequestBody LanguageRequest request) {
        String user = ConsoleRequests.handle(request == null ? null : request.user());
        Locale locale = ConsoleRequests.locale(ConsoleRequests.required(request.locale(), "locale", "\"fr\""));
        if (locale == null) {
            throw new ConsoleRequests.BadRequest("\"locale\" must be a language tag such as \"en\" or \"fr\".");
        }
        Profile profile = profiles.current(
                ChatEvent.text(Platform.CONSOLE, "", user, null, locale, null, CONVERSATION, "", List.of()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user", user);
        out.put("language", profile.effectiveLanguage().code());
        return out;
    }
}
