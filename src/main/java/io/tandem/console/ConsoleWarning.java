package io.tandem.console;

import io.tandem.config.LocalMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at start-up, loudly, that the console is on beside a real platform or a shared Redis. */
@Component
@Conditional(ConsoleConditions.On.class)
class ConsoleWarning {

    private static final Logger log = LoggerFactory.getLogger(ConsoleWarning.class);

    ConsoleWarning(Environment env) {
        LocalMode.notLocalBecause(env)
                .ifPresent(setting -> log.warn(
                        "The web console is ON although {} is set"
                                + " (tandem.console.enabled=true): anyone who reaches / or /api/cons"
                                + "ole can act as any member."
                                + " Put it behind your own authentication or turn it off.",
                        setting));
    }
}
