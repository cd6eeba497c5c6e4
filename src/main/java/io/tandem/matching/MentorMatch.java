package io.tandem.matching;

import io.tandem.profiles.Profile;
import java.util.List;

/** A suggested mentor, with the score that ranked them and the reasons to show the mentee. */
public record MentorMatch(Profile mentor, int score, List<Reason> reasons) {

    /** A reason, as a message key and its arguments (rendered in the reader's language). */
    public record Reason(String key, Object... args) {}
}
