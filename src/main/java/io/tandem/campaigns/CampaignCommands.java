package io.tandem.campaigns;

import io.tandem.engine.Command;
import io.tandem.engine.CommandParser;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.Text;
import io.tandem.programme.Programme;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /mentor join <programme> [as learner|mentor|both]}, {@code /mentor leave <programme>} and
 * {@code /stats programme <name>}.
 */
@Configuration(proxyBeanMethods = false)
class CampaignCommands {

    private static final List<String> AS = List.of("as", "comme", "en-tant-que", "en");

    @Bean
    Command joinCommand(Campaigns campaigns, JoiningCampaign joining) {
        return Command.of(CommandSpec.mentor("join", "join", "rejoindre", "participer"), in -> {
            String[] words = in.args().text().strip().split("\\s+", 2);
            if (words[0].isEmpty()) {
                throw new Refusal("programme.join.usage");
            }
            return joining.join(in, campaigns.find(in, words[0]), role(words.length > 1 ? words[1] : ""));
        });
    }

    @Bean
    Command leaveCommand(Campaigns campaigns, CampaignStore store) {
        return Command.of(CommandSpec.mentor("leave", "leave", "quitter"), in -> {
            if (in.args().isEmpty()) {
                throw new Refusal("programme.leave.usage");
            }
            Campaign campaign = campaigns.find(in, in.args().firstWord());
            boolean left = store.leave(
                    campaign.workspace(), campaign.name(), in.caller().id());
            return Reply.text(in.t(left ? "programme.left" : "programme.not-in", campaign.name()));
        });
    }

    /**
     * {@code /stats programme <name>}: the programme's funnel, as {@code /mentor admin programme status} shows it;
     * with no name, the list of programmes to choose from.
     */
    @Bean
    Command statsProgrammeCommand(Campaigns campaigns, CampaignStatus status, Programme programme) {
        return Command.of(
                new CommandSpec(
                        "stats-programme",
                        CommandParser.STATS,
                        List.of("programme", "program", "programmes", "programs"),
                        true),
                in -> {
                    programme.requireLead(in);
                    if (in.args().isEmpty()) {
                        return campaigns.run(in, "list");
                    }
                    return status.status(in, campaigns.find(in, in.args().firstWord()));
                });
    }

    private static CampaignRole role(String typed) {
        String rest = Text.fold(typed).strip();
        if (rest.isEmpty()) {
            return CampaignRole.BOTH;
        }
        String[] parts = rest.split("\\s+", 2);
        if (AS.contains(parts[0]) && parts.length > 1) {
            rest = parts[1];
        }
        return CampaignRole.parse(rest).orElseThrow(() -> new Refusal("programme.join.usage"));
    }
}
