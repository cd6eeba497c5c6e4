package io.tandem.slack;

import com.slack.api.model.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CSV file a lead shares in Tandem's DM is a roster: it is downloaded with the bot token ({@code files:read}) and
 * imported in parts that each fit a command, every part keeping the header line.
 */
final class SlackRosterFiles {

    private static final Logger log = LoggerFactory.getLogger(SlackRosterFiles.class);
    static final int MAX_BYTES = 1_000_000;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI api;

    /** {@code apiUrl}: the configured Web API, whose own host (a proxy, a fake in tests) may serve files too. */
    SlackRosterFiles(String apiUrl) {
        this.api = URI.create(apiUrl);
    }

    /**
     * The bot token goes only to Slack: over HTTPS to {@code slack.com}, {@code slack-files.com} or their
     * subdomains (files.slack.com), or to the very scheme, host and port of the configured Web API. A payload
     * naming any other host gets nothing.
     */
    boolean fromSlack(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (u.getHost() == null || u.getUserInfo() != null) {
            return false;
        }
        String host = u.getHost().toLowerCase(Locale.ROOT);
        boolean slackHost = host.equals("slack.com")
                || host.endsWith(".slack.com")
                || host.equals("slack-files.com")
                || host.endsWith(".slack-files.com");
        if (slackHost && "https".equalsIgnoreCase(u.getScheme()) && (u.getPort() == -1 || u.getPort() == 443)) {
            return true;
        }
        return host.equalsIgnoreCase(api.getHost())
                && u.getPort() == api.getPort()
                && String.valueOf(u.getScheme()).equalsIgnoreCase(api.getScheme());
    }

    static boolean isCsv(File f) {
        return "csv".equalsIgnoreCase(f.getFiletype())
                || f.getName() != null && f.getName().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The file's text, if Slack hands it over (and it is not too large). */
    Optional<String> download(File f, String token) {
        if (f.getUrlPrivateDownload() == null || token == null || f.getSize() != null && f.getSize() > MAX_BYTES) {
            return Optional.empty();
        }
        if (!fromSlack(f.getUrlPrivateDownload())) {
            log.warn("Refused to download a shared file from a host that is not Slack's");
            return Optional.empty();
        }
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(f.getUrlPrivateDownload()))
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200 || response.body().length > MAX_BYTES) {
                log.warn("Could not download a shared roster file: HTTP {}", response.statusCode());
                return Optional.empty();
            }
            return Optional.of(new String(response.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            log.warn("Could not download a shared roster file: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
