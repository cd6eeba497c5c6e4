package io.tandem.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter, with one fix: Java 4.14.3 builds outgoing credentials without a tenant, which fails for
 * single-tenant Azure Bots (the only kind Azure creates since July 2025); this passes the tenant in.
 */
class TeamsAdapter extends BotFrameworkHttpAdapter {

    private final TeamsProperties properties;

    TeamsAdapter(TeamsProperties properties) {
        super(
                new SimpleCredentialProvider(blankToNull(properties.appId()), blankToNull(properties.appPassword())),
                new SimpleChannelProvider());
        this.properties = properties;
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
        if (TeamsProperties.present(properties.tenantId()) && properties.credentials()) {
            return CompletableFuture.completedFuture(
                    new MicrosoftAppCredentials(appId, properties.appPassword(), properties.tenantId(), oAuthScope));
        }
        return super.buildAppCredentials(appId, oAuthScope);
    }

    /** The credentials Tandem sends messages with (null without credentials: the emulator). */
    AppCredentials outgoingCredentials() {
        if (!properties.credentials()) {
            return null;
        }
        return buildAppCredentials(properties.appId(), AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE)
                .join();
    }

    String appId() {
        return properties.appId() == null ? "" : properties.appId();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
