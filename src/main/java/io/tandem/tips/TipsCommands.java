package io.tandem.tips;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Refusal;
import io.tandem.moderation.Moderated;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import io.tandem.skills.SkillCatalog;
import io.tandem.skills.SkillMatch;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tips commands and the Useful button, wired to {@link Tips}. */
@Configuration(proxyBeanMethods = false)
class TipsCommands {

    /** {@code /mentor tip <skill> <text>}. */
    @Bean
    Command tipCommand(Tips tips, SkillCatalog catalog) {
        return Command.of(CommandSpec.mentor("tip", "tip", "astuce", "conseil"), in -> {
            SkillCatalog.Leading leading = catalog.leading(in.args().text(), 3)
                    .filter(l -> !l.rest().isBlank())
                    .orElseThrow(() -> new Refusal("tips.usage"));
            return tips.write(in, leading.skill().id(), leading.rest());
        });
    }

    /** {@code /mentor tips [skill]}. */
    @Bean
    Command tipsCommand(Tips tips, SkillCatalog catalog) {
        return Command.of(
                CommandSpec.mentor("tips", "tips", "astuces", "conseils"),
                in -> tips.list(
                        in,
                        in.args().isEmpty()
                                ? Optional.empty()
                                : catalog.resolve(in.args().text()).map(SkillMatch::id)));
    }

    @Bean
    ActionHandler usefulButton(Tips tips) {
        return ActionHandler.of(Tips.USEFUL, tips::useful);
    }

    /** Tips, colleagues' and starter ones, can be reported and hidden. */
    @Bean
    Moderated moderatedTips(Tips tips, Profiles profiles) {
        return new Moderated() {
            @Override
            public String kind() {
                return Tips.MODERATED;
            }

            @Override
            public Optional<Item> find(String workspace, String id) {
                return tips.find(workspace, id)
                        .map(t -> new Item(
                                Tips.MODERATED,
                                Tips.moderationId(t),
                                t.text(),
                                t.starter()
                                        ? "Tandem"
                                        : profiles.find(t.author())
                                                .map(Profile::name)
                                                .orElse("?"),
                                t.skill(),
                                tips.hidden(workspace, t),
                                t.author()));
            }

            @Override
            public void hide(String workspace, String id) {
                tips.find(workspace, id).ifPresent(t -> tips.hide(workspace, t));
            }
        };
    }
}
