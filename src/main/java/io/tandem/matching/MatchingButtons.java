package io.tandem.matching;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Refusal;
import io.tandem.profiles.ProfileView;
import io.tandem.skills.SkillCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The buttons that start a search. */
@Configuration(proxyBeanMethods = false)
class MatchingButtons {

    /** "Find mentors for …" buttons. */
    @Bean
    ActionHandler findButton(FindCommand find, SkillCatalog catalog) {
        return ActionHandler.of(
                ProfileView.FIND_ACTION,
                in -> find.find(
                        in,
                        ActionValue.parse(in.action().value())
                                .get("skill")
                                .flatMap(catalog::resolve)
                                .orElseThrow(() -> new Refusal("action.stale"))));
    }
}
