package io.tandem.config;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandRegistry;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.EngineMetrics;
import io.tandem.engine.HelpOrder;
import io.tandem.engine.HomeSection;
import io.tandem.engine.Participants;
import io.tandem.engine.TravelClock;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine and what it is built from: the clock and the command registry. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    /** One clock for everything that depends on time, so tests and demos can move it. */
    @Bean
    TravelClock clock() {
        return new TravelClock(Clock.systemUTC());
    }

    /** Fails start-up on a duplicate command id or word, or a command missing from the help order. */
    @Bean
    CommandRegistry commandRegistry(List<Command> commands, List<ActionHandler> actions) {
        CommandRegistry registry = new CommandRegistry(commands, actions);
        HelpOrder.check(registry);
        return registry;
    }

    @Bean
    ConversationEngine conversationEngine(
            CommandRegistry registry,
            Participants participants,
            ObjectProvider<HomeSection> home,
            ObjectProvider<EngineMetrics> metrics) {
        return new ConversationEngine(
                registry,
                participants,
                home.orderedStream().toList(),
                metrics.getIfAvailable(() -> EngineMetrics.NONE));
    }
}
