package io.tandem.engine;

/**
 * How long each kind of free text may be, in one place, for every way it comes in: a command line, a form field, a
 * button's value, a roster import. Text over its limit is refused with a message in the member's language and
 * nothing is stored; it is never cut short behind their back (a cut topic or answer would say something else).
 * Lengths are in UTF-16 chars, as Java and the chat platforms count them.
 */
public enum TextLimit {

    /** A display name (a roster's {@code name}, a manager's handle). */
    NAME(80),
    /** A team's name. */
    TEAM(80),
    /** An email address (RFC 5321's longest path). */
    EMAIL(254),
    /** A roster cell listing skills. */
    SKILLS(1000),
    /** A session's topic: it is copied into both invitations and every reminder. */
    TOPIC(200),
    /** The message that comes with a mentoring request. */
    MESSAGE(1000),
    /** Why a request was declined, or a pair's private feedback when it ends. */
    REASON(500),
    /** A member's bio. */
    BIO(500, "bio.too-long"),
    /** A peer question. */
    QUESTION(2000),
    /** An answer to a peer question. */
    ANSWER(2000),
    /** A tip. */
    TIP(500),
    /** What a member learned, or their private note, in a check-in. */
    NOTE(1000),
    /**
     * Any one button value or form field, before a feature reads it: as long as a command line may be, so every
     * longer text above still gets its own message, and a flood of megabytes never reaches a feature.
     */
    FIELD(CommandParser.MAX_LENGTH, "error.too-long"),
    /**
     * A button value or a form's carried value (Tandem writes those itself; Slack keeps long ones server-side and
     * gives them back whole): room for 5,000-character values and 10,000-character form metadata, not a flood.
     */
    VALUE(16_000, "error.too-long");

    private final int max;
    private final String key;

    TextLimit(int max) {
        this(max, "set.too-long");
    }

    TextLimit(int max, String key) {
        this.max = max;
        this.key = key;
    }

    public int max() {
        return max;
    }

    /** Whether the text fits; no text fits. */
    public boolean fits(String text) {
        return text == null || text.length() <= max;
    }

    /** The text as it is, or a {@link Refusal} saying how long it may be. */
    public String check(String text) {
        if (!fits(text)) {
            throw new Refusal(key, max);
        }
        return text;
    }

    /** What a form shows under a field whose text does not fit, or {@code null} when it does. */
    public String problem(String text, Messages m) {
        return fits(text) ? null : m.get(key, max);
    }
}
