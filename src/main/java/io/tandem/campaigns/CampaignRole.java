package io.tandem.campaigns;

import io.tandem.engine.Text;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a member takes part in a programme: learning, mentoring, or both (everyone can teach and learn). */
public enum CampaignRole {
    LEARNER(List.of("learner", "mentee", "apprenant", "apprenante")),
    MENTOR(List.of("mentor", "tuteur", "tutrice")),
    BOTH(List.of("both", "les-deux", "deux", "lesdeux"));

    private final List<String> words;

    CampaignRole(List<String> words) {
        this.words = words;
    }

    /** The role a member typed, in English or French, without regard to case or accents. */
    public static Optional<CampaignRole> parse(String typed) {
        String word = Text.fold(typed).strip().replace(' ', '-');
        return Arrays.stream(values()).filter(r -> r.words.contains(word)).findFirst();
    }

    public boolean learns() {
        return this != MENTOR;
    }

    public boolean teaches() {
        return this != LEARNER;
    }

    public String messageKey() {
        return "programme.role." + name().toLowerCase(Locale.ROOT);
    }
}
