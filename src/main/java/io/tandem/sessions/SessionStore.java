package io.tandem.sessions;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: sessions and their check-ins. Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface SessionStore {

    void save(Session session);

    Optional<Session> session(String workspace, String id);

    /** The member's sessions (scheduled or cancelled), by start time. */
    List<Session> sessions(MemberId member);

    /** The session behind a calendar link. */
    Optional<Session> sessionByToken(String token);

    void save(CheckIn checkIn);

    Optional<CheckIn> checkIn(String workspace, String sessionId, MemberId member);

    /** Deletes the private notes of check-ins answered before {@code before}; returns how many. */
    int clearNotesBefore(String workspace, Instant before);
}
