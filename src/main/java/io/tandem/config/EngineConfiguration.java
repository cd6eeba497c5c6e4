package io.tandem.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.Command;
import io.tandem.engine.CommandRegistry;
import io.tandem.engine.HelpOrder;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.HomeSection;
import io.tandem.engine.EngineMetrics;
import io.tandem.engine.Participants;
import io.tandem.engine.TravelClock;
import io.tandem.mentoring.SkillCatalog;

/** The engine and what it is built from: the clock, the command registry, the skill taxonomy. */
@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

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
    ConversationEngine conversationEngine(CommandRegistry registry, Participants participants,
                                          ObjectProvider<HomeSection> home, ObjectProvider<EngineMetrics> metrics) {
        return new ConversationEngine(registry, participants, home.orderedStream().toList(),
                metrics.getIfAvailable(() -> EngineMetrics.NONE));
    }

    @Bean
    SkillCatalog skillCatalog(TandemProperties properties) {
        String file = properties.skills().file();
        try (Reader base = new InputStreamReader(new ClassPathResource("skills/taxonomy.txt").getInputStream(),
                StandardCharsets.UTF_8)) {
            if (file == null || file.isBlank()) {
                return SkillCatalog.load(base);
            }
            Path path = Path.of(file);
            try (Reader extension = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                SkillCatalog catalog = SkillCatalog.load(base, extension);
                log.info("Skill taxonomy extended with {}", path.toAbsolutePath());
                return catalog;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the skill taxonomy " + (file == null ? "" : file), e);
        }
    }
}
