package io.tandem.programme;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /mentor admin …}, for programme leads only: {@code lead add @person}, {@code lead remove @person},
 * {@code leads}. Anyone else is told, politely, that it is for leads, and learns nothing more.
 */
@Configuration(proxyBeanMethods = false)
class AdminCommands {

    @Bean
    Command adminCommand(
            Programme programme,
            Profiles profiles,
            ProgrammeSettings settings,
            RosterImport roster,
            List<AdminSubcommand> more) {
        return Command.of(CommandSpec.mentor("admin", "admin", "administration"), in -> {
            programme.requireLead(in);
            String[] words = in.args().isEmpty()
                    ? new String[0]
                    : Text.fold(in.args().withoutPeople()).split("\\s+");
            String[] typed = in.args().isEmpty()
                    ? new String[0]
                    : in.args().text().strip().split("\\s+", 3);
            if (words.length == 0 || words[0].isEmpty()) {
                return Reply.text(in.t("admin.help"));
            }
            return switch (words[0]) {
                case "leads", "responsables" -> leads(in, programme, profiles);
                case "lead", "responsable" -> lead(in, programme, profiles, words.length > 1 ? words[1] : "");
                case "settings", "reglages", "parametres" -> settings(in, programme, settings);
                case "set", "regler" -> set(in, programme, settings, typed);
                case "reset", "retablir" -> reset(in, settings, typed);
                case "import", "importer" ->
                    roster.run(in, in.args().text().strip().replaceFirst("^\\S+", ""));
                default ->
                    more.stream()
                            .filter(sub -> sub.words().contains(words[0]))
                            .findFirst()
                            .map(sub -> sub.run(in, in.args().text().strip().replaceFirst("^\\S+\\s*", "")))
                            .orElseThrow(() -> new Refusal("admin.help"));
            };
        });
    }

    private static Reply lead(Invocation in, Programme programme, Profiles profiles, String verb) {
        List<PersonRef> people = in.args().people();
        boolean add = List.of("add", "ajouter").contains(verb);
        boolean remove = List.of("remove", "retirer", "enlever").contains(verb);
        if (people.size() != 1 || !(add || remove)) {
            throw new Refusal("admin.lead.usage");
        }
        Profile person = profiles.resolve(in, people.get(0));
        if (add) {
            return Reply.text(
                    in.t(programme.addLead(person.id()) ? "admin.lead.added" : "admin.lead.already", person.name()));
        }
        if (programme.configuredLead(person.id())) {
            throw new Refusal("admin.lead.configured", person.name());
        }
        if (person.id().equals(in.caller().id())
                && programme.leads(person.id().workspace()).size() <= 1) {
            throw new Refusal("admin.lead.last");
        }
        return Reply.text(
                in.t(programme.removeLead(person.id()) ? "admin.lead.removed" : "admin.lead.not", person.name()));
    }

    private static Reply set(Invocation in, Programme programme, ProgrammeSettings settings, String[] typed) {
        if (typed.length < 3) {
            throw new Refusal("settings.usage");
        }
        ProgrammeSettings.Key key =
                ProgrammeSettings.Key.parse(typed[1]).orElseThrow(() -> new Refusal("settings.unknown", typed[1]));
        String ws = in.caller().id().workspace();
        if (key == ProgrammeSettings.Key.PROGRAMME_CHANNEL) {
            programme.setChannel(in.event(), typed[2]);
        } else {
            settings.set(ws, key, typed[2]);
        }
        return Reply.text(in.t("settings.set", key.id(), value(in, programme, settings, key)));
    }

    private static Reply reset(Invocation in, ProgrammeSettings settings, String[] typed) {
        ProgrammeSettings.Key key = typed.length < 2
                ? null
                : ProgrammeSettings.Key.parse(typed[1]).orElseThrow(() -> new Refusal("settings.unknown", typed[1]));
        if (key == null) {
            throw new Refusal("settings.usage");
        }
        settings.reset(in.caller().id().workspace(), key);
        return Reply.text(in.t("settings.reset", key.id()));
    }

    /** Every setting with the value in force, and whether a lead changed it. */
    private static Reply settings(Invocation in, Programme programme, ProgrammeSettings settings) {
        Map<String, String> changed = settings.changed(in.caller().id().workspace());
        List<Block.Field> fields = Arrays.stream(ProgrammeSettings.Key.values())
                .map(k -> new Block.Field(
                        k.id(),
                        value(in, programme, settings, k)
                                + (changed.containsKey(k.id()) ? "" : " " + in.t("settings.default"))))
                .toList();
        return Reply.builder()
                .text(in.t("settings.heading"))
                .block(new Block.Section(null, null, fields, List.of()))
                .section(null, in.t("settings.hint"))
                .build();
    }

    private static String value(Invocation in, Programme programme, ProgrammeSettings s, ProgrammeSettings.Key key) {
        String ws = in.caller().id().workspace();
        Locale locale = in.messages().language().locale();
        return switch (key) {
            case PROGRAMME_CHANNEL ->
                programme.channel(ws).map(c -> "#" + c.channel()).orElse(in.t("settings.none"));
            case PROGRAMME_LANGUAGE -> programme.language(ws).code();
            case TIP_DAY -> s.tipDay(ws).getDisplayName(TextStyle.FULL, locale);
            case TIP_TIME -> s.tipTime(ws).toString();
            case WORKDAY_START -> s.workdayStart(ws).toString();
            case WORKDAY_END -> s.workdayEnd(ws).toString();
            case WORKING_DAYS ->
                s.workingDays(ws).stream()
                        .sorted()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                        .collect(Collectors.joining(", "));
            case REMINDERS ->
                s.reminders(ws).stream().map(ProgrammeSettings::format).collect(Collectors.joining(", "));
            case REQUEST_EXPIRY -> ProgrammeSettings.format(s.requestExpiry(ws));
            case ESCALATE_AFTER -> ProgrammeSettings.format(s.escalateAfter(ws));
            case DEFAULT_CAPACITY -> String.valueOf(s.defaultCapacity(ws));
            case NOTE_RETENTION ->
                s.noteRetention(ws).map(ProgrammeSettings::format).orElse(in.t("settings.keep"));
        };
    }

    private static Reply leads(Invocation in, Programme programme, Profiles profiles) {
        List<String> names = programme.leads(in.caller().id().workspace()).stream()
                .map(id -> profiles.find(id).map(Profile::label).orElse(label(id)))
                .toList();
        return Reply.builder()
                .items(in.t("admin.leads.heading"), names)
                .section(null, in.t("admin.leads.hint"))
                .build();
    }

    private static String label(MemberId id) {
        return id.toString();
    }

    @Bean
    ActionHandler rosterJoinButton(RosterImport roster) {
        return ActionHandler.of(RosterImport.JOIN, roster::join);
    }
}
