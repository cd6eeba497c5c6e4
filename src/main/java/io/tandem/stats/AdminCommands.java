package io.tandem.stats;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.mentoring.Profile;
import io.tandem.mentoring.Profiles;
import io.tandem.mentoring.Programme;

/**
 * {@code /mentor admin …}, for programme leads only: {@code lead add @person}, {@code lead remove @person},
 * {@code leads}. Anyone else is told, politely, that it is for leads, and learns nothing more.
 */
@Configuration(proxyBeanMethods = false)
class AdminCommands {

    @Bean
    @Order(90)
    Command adminCommand(Programme programme, Profiles profiles) {
        return Command.of(CommandSpec.mentor("admin", "admin", "administration"), in -> {
            Leads.require(in, programme);
            String[] words = in.args().isEmpty() ? new String[0] : Text.fold(in.args().withoutPeople()).split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) {
                return Reply.text(in.t("admin.help"));
            }
            return switch (words[0]) {
                case "leads", "responsables" -> leads(in, programme, profiles);
                case "lead", "responsable" -> lead(in, programme, profiles, words.length > 1 ? words[1] : "");
                default -> throw new Refusal("admin.help");
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
            return Reply.text(in.t(programme.addLead(person.id()) ? "admin.lead.added" : "admin.lead.already",
                    person.name()));
        }
        if (programme.configuredLead(person.id())) {
            throw new Refusal("admin.lead.configured", person.name());
        }
        if (person.id().equals(in.caller().id()) && programme.leads(person.id().workspace()).size() <= 1) {
            throw new Refusal("admin.lead.last");
        }
        return Reply.text(in.t(programme.removeLead(person.id()) ? "admin.lead.removed" : "admin.lead.not",
                person.name()));
    }

    private static Reply leads(Invocation in, Programme programme, Profiles profiles) {
        List<String> names = programme.leads(in.caller().id().workspace()).stream()
                .map(id -> profiles.find(id).map(p -> p.name() + " (@" + p.handle() + ")").orElse(label(id))).toList();
        return Reply.builder().items(in.t("admin.leads.heading"), names).section(null, in.t("admin.leads.hint")).build();
    }

    private static String label(MemberId id) {
        return id.toString();
    }
}
