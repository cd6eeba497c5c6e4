package io.tandem.mentoring;

import java.util.List;
import java.util.Optional;

import io.tandem.engine.MemberId;

/**
 * Port: requests and pairs (sessions and check-ins join with the mentoring flow). Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface MentoringStore {

    /** Saves a new request (one being answered goes through {@link #accept} or {@link #answer}). */
    void save(MentoringRequest request);

    /** How accepting a request went. */
    enum Acceptance { ACCEPTED, ALREADY_ANSWERED, MENTOR_FULL }

    /**
     * Accepts a request in one atomic step: if it is still pending and the mentor still has a place, the request
     * becomes {@code answered}, {@code pair} is created and the mentor's count of mentees grows by one; otherwise
     * nothing changes. Two clicks, on two instances, never make two pairs or pass the mentor's capacity.
     */
    Acceptance accept(MentoringRequest answered, Pair pair);

    /** Answers a request (declined, expired) if it is still pending; false, and nothing changed, if it was not. */
    boolean answer(MentoringRequest answered);

    /**
     * Moves a pair to {@code changed}'s status if it is still in {@code from}, in one atomic step; ending an open pair
     * frees the mentor's place (reopening takes one). False, and nothing changed, if the pair was no longer in
     * {@code from}.
     */
    boolean change(Pair.Status from, Pair changed);

    Optional<MentoringRequest> request(String workspace, String id);

    /** Requests still pending that involve the member, as mentee or mentor. */
    List<MentoringRequest> pending(MemberId member);

    /** Pending requests of a workspace created before the given time, oldest first (for expiry). */
    List<MentoringRequest> pendingCreatedBefore(String workspace, java.time.Instant before);

    /** Saves a pair as it is (a new one; changes of status go through {@link #change}). */
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
