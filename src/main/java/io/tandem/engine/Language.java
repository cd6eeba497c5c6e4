package io.tandem.engine;

import java.util.Locale;
import java.util.Optional;

/** The languages Tandem speaks. Anything else falls back to English. */
public enum Language {
    EN(Locale.ENGLISH),
    FR(Locale.FRENCH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return locale.getLanguage();
    }

    public static Language of(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? FR : EN;
    }

    /** Parses {@code en}, {@code fr}, {@code english}, {@code français}…; empty when not a language we speak. */
    public static Optional<Language> parse(String text) {
        String t = Text.fold(text);
        return switch (t) {
            case "en", "english", "anglais", "en-us", "en-gb" -> Optional.of(EN);
            case "fr", "french", "francais", "fr-fr", "fr-ca" -> Optional.of(FR);
            default -> Optional.empty();
        };
    }
}
