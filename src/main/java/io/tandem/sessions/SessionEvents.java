package io.tandem.sessions;

/** Port: told each time a session is scheduled, moved or cancelled (the nudges keep its reminders in step). */
@FunctionalInterface
public interface SessionEvents {

    void changed(Session session);
}
