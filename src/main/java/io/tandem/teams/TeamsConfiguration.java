package io.tandem.teams;

import io.tandem.config.LocalMode;
import io.tandem.delivery.Pacing;
import io.tandem.delivery.RateGate;
import io.tandem.engine.ConversationEngine;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Teams: on with {@code MICROSOFT_APP_ID} and {@code MICROSOFT_APP_PASSWORD} (and {@code MICROSOFT_APP_TENANT_ID}
 * for single-tenant bots). Without them, only in pure local mode (or with an explicit
 * {@code tandem.teams.emulator=true}), the endpoint runs unauthenticated for the Bot Framework Emulator, with a
 * warning; never in production.
 */
@Configuration(proxyBeanMethods = false)
public class TeamsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TeamsConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @Conditional(TeamsConditions.Off.class)
    static class Off {
        Off() {
            log.info("Teams is off. To turn it on, set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and"
                    + " MICROSOFT_APP_TENANT_ID; see README, \"Run in Teams\".");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(TeamsConditions.On.class)
    static class On {

        @Bean
        TeamsAdapter teamsAdapter(TeamsProperties properties, Environment env) {
            if (TeamsConditions.emulator(env)) {
                String beside = LocalMode.notLocalBecause(env)
                        .map(s -> " although " + s + " is set" + " (tandem.teams.emulator=true)")
                        .orElse(" (local mode, no MICROSOFT_APP_ID)");
                log.warn(
                        "Teams endpoint /api/messages is running WITHOUT authentication{}: fine for the Bot"
                                + " Framework Emulator, never for production.",
                        beside);
            } else {
                log.info(
                        "Teams is on at /api/messages (app {}{})",
                        properties.appId(),
                        TeamsProperties.present(properties.tenantId()) ? ", single-tenant" : "");
            }
            return new TeamsAdapter(properties);
        }

        @Bean
        TeamsHealth teamsHealthIndicator(TeamsAdapter adapter, Clock clock) {
            return new TeamsHealth(adapter, clock);
        }

        @Bean
        TeamsBot teamsBot(ConversationEngine engine, TeamsConversations conversations) {
            return new TeamsBot(engine, conversations);
        }

        @Bean
        TeamsSender teamsSender(
                TeamsAdapter adapter,
                TeamsConversations conversations,
                RateGate gate,
                Clock clock,
                TeamsProperties properties) {
            return new TeamsSender(
                    adapter, conversations, new Pacing(gate, clock, "Teams", properties.tenantRate()), clock);
        }
    }
}
