package io.tandem.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tandem's settings ({@code tandem.*}); environment variables work too ({@code TANDEM_DATA_DIR}…).
 *
 * @param dataDir where local data lives: the embedded Redis's append-only file
 * @param redis   embedded Redis settings
 * @param demo    the demo organisation loaded into an empty store
 * @param console the local web console
 * @param skills  the skill taxonomy
 * @param delivery how notifications are delivered
 */
@ConfigurationProperties("tandem")
public record TandemProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Redis redis,
                               @DefaultValue Demo demo, @DefaultValue Console console,
                               @DefaultValue Skills skills, @DefaultValue Delivery delivery) {

    /** @param embeddedPort port of the embedded Redis; 0 picks a free one */
    public record Redis(@DefaultValue("0") int embeddedPort) {
    }

    /**
     * @param enabled load a demo organisation when the store is empty
     * @param members 0 for the realistic 30-person organisation; N for a synthetic one of N members
     */
    public record Demo(@DefaultValue("true") boolean enabled, @DefaultValue("0") int members) {
    }

    /** @param enabled serve the web console at {@code /} and its API at {@code /api/console} */
    public record Console(@DefaultValue("true") boolean enabled) {
    }

    /** @param file an operator's taxonomy file adding or replacing skills (same format as the built-in one) */
    public record Skills(String file) {
    }

    /**
     * @param batchSize    deliveries claimed at once per platform
     * @param lease        how long a claimed delivery is reserved before another worker may take it
     * @param pollInterval how often an idle worker looks for due deliveries
     * @param maxAttempts  failed attempts (not counting rate limits) before giving up and recording the failure
     * @param threads      concurrent sends per platform
     */
    public record Delivery(@DefaultValue("20") int batchSize, @DefaultValue("2m") java.time.Duration lease,
                           @DefaultValue("250ms") java.time.Duration pollInterval,
                           @DefaultValue("8") int maxAttempts, @DefaultValue("4") int threads) {
    }
}
