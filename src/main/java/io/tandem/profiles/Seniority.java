package io.tandem.profiles;

import io.tandem.engine.Text;
import java.util.Locale;
import java.util.Optional;

/** How senior a member is. Reverse mentoring prefers a mentor more junior than the mentee. */
public enum Seniority {
    JUNIOR,
    MID,
    SENIOR,
    EXEC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int rank() {
        return ordinal();
    }

    /**
     * Whether a pair of this mentor and that learner goes in the reverse direction (the mentor more junior), the
     * direction the programme is for; false when either is unknown (a null profile or seniority).
     */
    public static boolean reverse(Profile mentor, Profile learner) {
        return mentor != null
                && learner != null
                && mentor.seniority() != null
                && learner.seniority() != null
                && mentor.seniority().rank() < learner.seniority().rank();
    }

    public String messageKey() {
        return "seniority." + id();
    }

    /** English and French words: junior, mid, intermédiaire, confirmé, senior, exec, dirigeant… */
    public static Optional<Seniority> parse(String text) {
        return switch (Text.fold(text)) {
            case "junior", "jr", "debutant" -> Optional.of(JUNIOR);
            case "mid", "middle", "intermediate", "intermediaire", "confirme" -> Optional.of(MID);
            case "senior", "sr" -> Optional.of(SENIOR);
            case "exec", "executive", "director", "dirigeant", "direction", "cadre-dirigeant" -> Optional.of(EXEC);
            default -> Optional.empty();
        };
    }
}
