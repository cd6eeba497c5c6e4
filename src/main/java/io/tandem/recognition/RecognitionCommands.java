package io.tandem.recognition;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commands and buttons of recognition, each wired to the use case that does the work. */
@Configuration(proxyBeanMethods = false)
class RecognitionCommands {

    @Bean
    Command thanksCommand(Thanking thanking) {
        return Command.of(CommandSpec.mentor("thanks", "thanks", "thank", "merci", "remercier"), thanking::thank);
    }

    @Bean
    Command recognitionCommand(Thanking thanking) {
        return Command.of(CommandSpec.mentor("recognition", "recognition", "reconnaissance"), thanking::choose);
    }

    @Bean
    ActionHandler nameMeButton(Thanking thanking) {
        return ActionHandler.of(Thanking.NAME_ME, in -> thanking.button(in, true));
    }

    @Bean
    ActionHandler doNotNameMeButton(Thanking thanking) {
        return ActionHandler.of(Thanking.DO_NOT_NAME_ME, in -> thanking.button(in, false));
    }
}
