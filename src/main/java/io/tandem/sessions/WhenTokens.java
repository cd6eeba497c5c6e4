package io.tandem.sessions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The words of one schedule line, each as typed, normalized and where it starts in the text. */
final class WhenTokens {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[,;:.!?]+$");

    record Token(String raw, String norm, int start) {
        int end() {
            return start + raw.length();
        }
    }

    private final String text;
    private final List<Token> tokens;
    private final int n;

    WhenTokens(String text) {
        this.text = text;
        this.tokens = tokenize(text);
        this.n = tokens.size();
    }

    int size() {
        return n;
    }

    boolean is(int i, String word) {
        return i < n && norm(i).equals(word);
    }

    String norm(int i) {
        return tokens.get(i).norm();
    }

    /** The text as typed from token {@code from} to token {@code to} (exclusive). */
    String raw(int from, int to) {
        int last = Math.min(to, n) - 1;
        if (from > last) {
            return "";
        }
        return text.substring(tokens.get(from).start(), tokens.get(last).end());
    }

    /** The text as typed from token {@code i} to the end, trimmed. */
    String rest(int i) {
        return trimmed(text.substring(tokens.get(i).start()));
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String raw = text.substring(start, i);
                tokens.add(new Token(raw, normalize(raw), start));
            }
        }
        return tokens;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Lower case, no accents, typographic apostrophes made plain, trailing punctuation dropped. */
    private static String normalize(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        String bare =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String plain = bare.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
        return TRAILING_PUNCTUATION.matcher(plain).replaceAll("");
    }

    private static String trimmed(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
