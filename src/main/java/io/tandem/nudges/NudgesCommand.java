package io.tandem.nudges;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /mentor nudges [off|on] [reminders|tips|checkins]}: what Tandem may remind me of. */
@Configuration(proxyBeanMethods = false)
class NudgesCommand {

    static final List<String> CATEGORIES = List.of("reminders", "tips", "checkins");
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("reminders", "reminders"),
            Map.entry("reminder", "reminders"),
            Map.entry("rappels", "reminders"),
            Map.entry("rappel", "reminders"),
            Map.entry("tips", "tips"),
            Map.entry("tip", "tips"),
            Map.entry("astuces", "tips"),
            Map.entry("astuce", "tips"),
            Map.entry("checkins", "checkins"),
            Map.entry("checkin", "checkins"),
            Map.entry("check-ins", "checkins"),
            Map.entry("check-in", "checkins"),
            Map.entry("bilans", "checkins"),
            Map.entry("bilan", "checkins"));
    private static final Set<String> OFF = Set.of("off", "stop", "desactiver", "non", "no");
    private static final Set<String> ON = Set.of("on", "start", "activer", "oui", "yes");

    @Bean
    Command nudgesPreferencesCommand(NudgePreferences preferences) {
        return Command.of(CommandSpec.mentor("nudges", "nudges", "rappels", "relances"), in -> run(in, preferences));
    }

    private static Reply run(Invocation in, NudgePreferences preferences) {
        String[] words = in.args().isEmpty()
                ? new String[0]
                : Text.fold(in.args().text()).split("\\s+");
        if (words.length == 0) {
            return status(in, preferences);
        }
        boolean off = OFF.contains(words[0]);
        if (!off && !ON.contains(words[0]) || words.length != 2) {
            throw new Refusal("nudges.usage");
        }
        String category = Optional.ofNullable(WORDS.get(words[1])).orElseThrow(() -> new Refusal("nudges.usage"));
        preferences.set(in.caller().id(), category, off);
        return Reply.text(in.t(off ? "nudges.off" : "nudges.on", in.t("nudges.kind." + category)));
    }

    private static Reply status(Invocation in, NudgePreferences preferences) {
        Set<String> off = preferences.off(in.caller().id());
        return Reply.builder()
                .text(in.t("nudges.heading"))
                .items(
                        null,
                        CATEGORIES.stream()
                                .map(c -> in.t("nudges.kind." + c) + ": "
                                        + in.t(off.contains(c) ? "nudges.state.off" : "nudges.state.on"))
                                .toList())
                .section(null, in.t("nudges.hint"))
                .build();
    }
}
