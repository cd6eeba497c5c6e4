package io.tandem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh data directories under {@code target/test-data}, one per Spring context: each gets its own embedded
 * redis-server, and the directory outlives JUnit's temporary folders (contexts are cached until the JVM ends).
 */
public final class TestDataDirs {

    private TestDataDirs() {}

    public static Path fresh(String name) {
        try {
            Files.createDirectories(Path.of("target/test-data"));
            return Files.createTempDirectory(Path.of("target/test-data"), name + "-")
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
