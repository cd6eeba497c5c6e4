package io.tandem.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For tests only: Teams with credentials, whose outgoing messages carry a fixed token instead of one from Azure AD
 * (out of reach here), so that Tandem on a shared Redis (not local mode, no emulator) can send to the fake Bot
 * Connector. Needs {@code spring.main.allow-bean-definition-overriding=true}: it replaces the {@code teamsAdapter}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FakeAzureTokens {

    public static final String TOKEN = "fake-azure-ad-token";

    @Bean
    TeamsAdapter teamsAdapter(TeamsProperties properties) {
        return new TeamsAdapter(properties) {
            @Override
            protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String oAuthScope) {
                return CompletableFuture.completedFuture(new MicrosoftAppCredentials(appId, "unused") {
                    @Override
                    public CompletableFuture<String> getToken() {
                        return CompletableFuture.completedFuture(TOKEN);
                    }
                });
            }
        };
    }
}
