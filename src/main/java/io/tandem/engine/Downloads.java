package io.tandem.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: files for leads (the {@code /stats} chart, its CSV export) kept for a short while behind an unguessable
 * token, so Teams, Slack, the console and a browser can fetch them.
 */
public interface Downloads {

    /** Kinds of file, with how they are served. */
    enum Kind {
        CHART("charts", "png", "image/png"),
        EXPORT("exports", "csv", "text/csv; charset=UTF-8"),
        MY_DATA("my-data", "json", "application/json");

        private final String path;
        private final String extension;
        private final String contentType;

        Kind(String path, String extension, String contentType) {
            this.path = path;
            this.extension = extension;
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** The file's address under Tandem's public URL. */
        public String url(PublicUrl publicUrl, String token) {
            return publicUrl.at("/" + path + "/" + token + "." + extension);
        }
    }

    /** Keeps the file for {@code ttl}; returns its token. */
    String put(Kind kind, byte[] content, Duration ttl);

    /**
     * Keeps a file that holds one member's personal data (their own export) for {@code ttl}: forgetting the member
     * deletes it too. Returns its token.
     */
    String put(Kind kind, byte[] content, Duration ttl, MemberId owner);

    Optional<byte[]> get(Kind kind, String token);
}
