package io.tandem.engine;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one command grammar for every platform.
 *
 * <pre>
 *   line    := mention* ["/"] root [word [args]]     e.g. "/mentor find seo", "mentor find seo"
 *            | mention* word [args]                  e.g. "@Tandem find seo", "find seo" (root "mentor" implied)
 *   root    := "mentor" | "stats"
 *   mention := Slack "&lt;@U123&gt;" or "&lt;@U123|name&gt;" | Teams "&lt;at&gt;Tandem&lt;/at&gt;" | "@tandem"
 * </pre>
 * Words are matched case- and accent-insensitively; the arguments keep what was typed. Slack and Teams HTML
 * entities are decoded first. Any input gives a {@link ParsedLine}; nothing here throws.
 */
public final class CommandParser {

    public static final String MENTOR = "mentor";
    public static final String STATS = "stats";
    public static final int MAX_LENGTH = 4000;

    private static final Set<String> ROOTS = Set.of(MENTOR, STATS);
    private static final Pattern LEADING_MENTION = Pattern.compile(
            "^(?:<@[A-Za-z0-9]+(?:\\|[^>]*)?>|<at>[^<]{0,200}</at>|@tandem\\b)[\\s,:]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANKS = Pattern.compile(" *\n[ \n]*| {2,}");
    private static final Pattern WORD_END = Pattern.compile("[ \\n]");

    public ParsedLine parse(String raw) {
        if (raw == null) {
            return new ParsedLine.UsageError(ParsedLine.Problem.EMPTY, "");
        }
        if (raw.length() > MAX_LENGTH) {
            return new ParsedLine.UsageError(ParsedLine.Problem.TOO_LONG, "");
        }
        String line = normalizeSpaces(decodeEntities(raw)).strip();
        Matcher mention = LEADING_MENTION.matcher(line);
        while (mention.find()) {
            line = line.substring(mention.end()).strip();
            mention = LEADING_MENTION.matcher(line);
        }
        if (line.isEmpty()) {
            return new ParsedLine.UsageError(ParsedLine.Problem.EMPTY, "");
        }
        boolean slash = line.startsWith("/");
        if (slash) {
            line = line.substring(1).strip();
        }
        String first = firstWord(line);
        String rest = line.substring(first.length()).strip();
        String root = Text.fold(first);
        if (ROOTS.contains(root)) {
            String word = firstWord(rest);
            return new ParsedLine.CommandLine(
                    root, Text.fold(word), rest.substring(word.length()).strip());
        }
        if (slash) {
            return new ParsedLine.UsageError(ParsedLine.Problem.UNKNOWN_ROOT, first);
        }
        return new ParsedLine.CommandLine(MENTOR, root, rest);
    }

    private static String firstWord(String s) {
        Matcher m = WORD_END.matcher(s);
        return m.find() ? s.substring(0, m.start()) : s;
    }

    /**
     * Every kind of space (tabs, no-break, zero-width, ideographic…) and control character becomes one plain
     * space; line breaks are kept (one per run) for commands that take several lines of text.
     */
    static String normalizeSpaces(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || Character.isISOControl(c)
                    || c == '\u200B'
                    || c == '\uFEFF') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return BLANKS.matcher(out).replaceAll(m -> m.group().indexOf('\n') >= 0 ? "\n" : " ");
    }

    /** Slack escapes &amp;, &lt; and &gt;; Teams sends HTML entities too. Mentions keep their angle brackets. */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
