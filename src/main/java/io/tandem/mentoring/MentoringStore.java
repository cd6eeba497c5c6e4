package io.tandem.mentoring;

import java.util.List;
import java.util.Optional;

import io.tandem.engine.MemberId;

/**
 * Port: requests and pairs (sessions and check-ins join with the mentoring flow). Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface MentoringStore {

    void save(MentoringRequest request);

    Optional<MentoringRequest> request(String workspace, String id);

    /** Requests still pending that involve the member, as mentee or mentor. */
    List<MentoringRequest> pending(MemberId member);

    /** Pending requests of a workspace created before the given time, oldest first (for expiry). */
    List<MentoringRequest> pendingCreatedBefore(String workspace, java.time.Instant before);

    void save(Pair pair);

    Optional<Pair> pair(String workspace, String id);

    /** The workspace's active pairs (for nudging the ones that stopped meeting). */
    List<Pair> activePairs(String workspace);

    /** Every pair the member is or was part of, newest first. */
    List<Pair> pairs(MemberId member);

    /** Feedback given when a pair ended: private to its author; leads only ever see that it exists. */
    void saveFeedback(String workspace, String pairId, MemberId author, String feedback);

    void save(Session session);

    Optional<Session> session(String workspace, String id);

    /** The member's sessions (scheduled or cancelled), by start time. */
    List<Session> sessions(MemberId member);

    /** The session behind a calendar link. */
    Optional<Session> sessionByToken(String token);

    void save(CheckIn checkIn);

    Optional<CheckIn> checkIn(String workspace, String sessionId, MemberId member);

    /** Deletes the private notes of check-ins answered before {@code before}; returns how many. */
    int clearNotesBefore(String workspace, java.time.Instant before);
}
