package io.tandem.config;

import io.tandem.engine.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tandem's public address: {@code tandem.public-url} ({@code TANDEM_PUBLIC_URL}) when set; otherwise
 * {@code http://localhost:<the port the server listens on>}, so links keep working when a local user picks another
 * port. In Slack or Teams mode without a public URL, members' browsers cannot reach such links: the log says so once
 * the server is up.
 */
@Component
class ServerPublicUrl implements PublicUrl, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerPublicUrl.class);

    private final String configured;
    private final Environment env;
    private volatile int port;

    @Autowired
    ServerPublicUrl(TandemProperties properties, Environment env) {
        this(
                properties.publicUrl() == null ? "" : properties.publicUrl(),
                env.getProperty("server.port", Integer.class, 8080),
                env);
    }

    ServerPublicUrl(String configured, int port, Environment env) {
        String trimmed = configured.strip();
        this.configured = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        this.port = port;
        this.env = env;
    }

    @Override
    public String base() {
        return configured.isEmpty() ? "http://localhost:" + port : configured;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace != null && !namespace.isEmpty()) {
            return; // a management server on its own port: not where members go
        }
        port = event.getWebServer().getPort();
        if (configured.isEmpty()) {
            LocalMode.notLocalBecause(env)
                    .filter(k -> !k.startsWith("spring.data.redis") && !k.equals("REDIS_URL"))
                    .ifPresent(k -> log.warn(
                            "TANDEM_PUBLIC_URL is not set: calendar invites, exports and charts will "
                                    + "link to {}, which members' browsers cannot reach. Set TANDEM_PUBLIC_URL to the "
                                    + "address Slack or Teams users reach Tandem at (e.g. https://tandem.example.com).",
                            base()));
        }
    }
}
