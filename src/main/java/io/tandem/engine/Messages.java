package io.tandem.engine;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one place user-facing text comes from: the {@code i18n/messages} bundles, complete in English and French
 * (a test fails when a key is missing in either). Placeholders are {@code {0}}, {@code {1}}…
 */
public final class Messages {

    public static final String BUNDLE = "i18n/messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Messages EN = new Messages(Language.EN);
    private static final Messages FR = new Messages(Language.FR);

    public static Messages of(Language language) {
        return language == Language.FR ? FR : EN;
    }

    public Language language() {
        return language;
    }

    /** The text for a key, with arguments filled in. A missing key is a bug: it shows as the key itself. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return fill(pattern, args);
    }

    /**
     * Replaces {@code {0}}, {@code {1}}… with the arguments. Deliberately not {@link java.text.MessageFormat}: its
     * quoting rules would make every French apostrophe a trap for translators.
     */
    static String fill(String pattern, Object... args) {
        if (args.length == 0 || pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1
                    && close - i <= 3
                    && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int n = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
