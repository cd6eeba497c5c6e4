package io.tandem.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last step of {@code ./mvnw -Pbench verify}: one table of every figure with its target, printed and written
 * to {@code target/bench/summary.md}.
 */
public final class BenchSummary {

    private BenchSummary() {}

    public static void main(String[] args) throws IOException {
        StringBuilder md = new StringBuilder("# Tandem benchmarks\n\n");
        md.append("Run ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" on ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append(".\n\n| Benchmark | Figure | Value | Target | Met |\n|---|---|---|---|---|\n");
        int missed = 0;
        List<Path> files;
        try (Stream<Path> list = Files.exists(BenchResults.DIR) ? Files.list(BenchResults.DIR) : Stream.empty()) {
            files = list.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    continue;
                }
                md.append("| ").append(String.join(" | ", f)).append(" |\n");
                if (f[4].equals("NO")) {
                    missed++;
                }
            }
        }
        if (files.isEmpty()) {
            md.append("| (no benchmark wrote figures) | | | | |\n");
        }
        md.append("\n")
                .append(
                        missed == 0
                                ? "Every figure with a target meets it."
                                : missed + " figure(s) miss their target (Met = NO).")
                .append("\n");
        Path out = BenchResults.DIR.getParent().resolve("summary.md");
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("Written to " + out.toAbsolutePath());
    }
}
