package io.tandem.nudges;

import io.tandem.engine.MemberId;
import java.util.Set;

/** Port: the kinds of nudges each member turned off ({@code reminders}, {@code tips}, {@code checkins}). */
public interface NudgePreferences {

    Set<String> off(MemberId member);

    void set(MemberId member, String category, boolean off);
}
