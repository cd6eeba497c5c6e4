package io.tandem.matching;

import io.tandem.engine.Messages;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Seniority;

/** The reasons a match was made, in the reader's words: seniorities and skill lists by name, the rest as they are. */
public final class MatchReasons {

    private MatchReasons() {}

    public static String render(MentorMatch.Reason reason, Messages m, ProfileView view) {
        Object[] args = new Object[reason.args().length];
        for (int i = 0; i < args.length; i++) {
            Object a = reason.args()[i];
            if (a instanceof Seniority s) {
                args[i] = m.get(s.messageKey());
            } else if (a instanceof FindingMentors.SkillNames names) {
                args[i] = view.skills(names.ids(), m.language());
            } else {
                args[i] = a;
            }
        }
        return m.get(reason.key(), args);
    }
}
