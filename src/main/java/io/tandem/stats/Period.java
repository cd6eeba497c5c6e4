package io.tandem.stats;

import io.tandem.engine.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The span {@code /stats} covers, back from now. */
public enum Period {
    WEEK(Duration.ofDays(7), "week", "semaine"),
    MONTH(Duration.ofDays(30), "month", "mois"),
    QUARTER(Duration.ofDays(91), "quarter", "trimestre"),
    ALL(null, "all", "tout");

    private final Duration length;
    private final List<String> words;

    Period(Duration length, String... words) {
        this.length = length;
        this.words = List.of(words);
    }

    Instant from(Instant now) {
        return length == null ? Instant.EPOCH : now.minus(length);
    }

    public String key() {
        return "stats.period." + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> parse(String word) {
        String w = Text.fold(word);
        return Arrays.stream(values()).filter(p -> p.words.contains(w)).findFirst();
    }
}
