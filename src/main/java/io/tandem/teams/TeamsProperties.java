package io.tandem.teams;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Teams settings ({@code tandem.teams.*}), filled from the Azure Bot's variables by {@code application.yml}:
 * {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD}, {@code MICROSOFT_APP_TENANT_ID}.
 *
 * @param appId       the Azure Bot's Microsoft App ID
 * @param appPassword its client secret
 * @param tenantId    the tenant of a single-tenant registration (the only kind Azure creates now)
 * @param emulator    without credentials, accept unauthenticated requests (Bot Framework Emulator); unset, on
 *                    in pure local mode only (no Slack, no external Redis); true also beside them, with a warning
 * @param tenantRate  messages Tandem sends a tenant per second at most, all instances together (0: no limit of
 *                    Tandem's own; after a 429, a rate learnt from it holds for a minute either way)
 */
@ConfigurationProperties("tandem.teams")
public record TeamsProperties(
        String appId,
        String appPassword,
        String tenantId,
        Boolean emulator,
        @DefaultValue("0") int tenantRate) {

    boolean credentials() {
        return present(appId) && present(appPassword);
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
