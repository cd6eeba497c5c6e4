package io.tandem.pairing;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: mentoring requests, and accepting one, which forms its pair in the same atomic step. Implementations throw
 * {@link io.tandem.engine.StoreUnavailableException} when the store cannot be reached.
 */
public interface RequestStore {

    /** Saves a new request (one being answered goes through {@link #accept} or {@link #answer}). */
    void save(MentoringRequest request);

    /** How accepting a request went. */
    enum Acceptance {
        ACCEPTED,
        ALREADY_ANSWERED,
        MENTOR_FULL
    }

    /**
     * Accepts a request in one atomic step: if it is still pending and the mentor still has a place, the request
     * becomes {@code answered}, {@code pair} is created and the mentor's count of mentees grows by one; otherwise
     * nothing changes. Two clicks, on two instances, never make two pairs or pass the mentor's capacity.
     */
    Acceptance accept(MentoringRequest answered, Pair pair);

    /** A new request, the same request accepted, and the pair accepting it forms (a programme's round). */
    record Formation(MentoringRequest request, MentoringRequest answered, Pair pair) {}

    /**
     * Saves each new request and accepts it, in order, as {@link #save} then {@link #accept} would (each acceptance
     * its own atomic step, so a mentor's places hold across the batch), in fewer round trips; how each went, in order.
     */
    default List<Acceptance> saveAndAcceptAll(List<Formation> formations) {
        return formations.stream()
                .map(f -> {
                    save(f.request());
                    return accept(f.answered(), f.pair());
                })
                .toList();
    }

    /** Answers a request (declined, expired) if it is still pending; false, and nothing changed, if it was not. */
    boolean answer(MentoringRequest answered);

    Optional<MentoringRequest> request(String workspace, String id);

    /** Requests still pending that involve the member, as mentee or mentor. */
    List<MentoringRequest> pending(MemberId member);

    /** Pending requests of a workspace created before the given time, oldest first (for expiry). */
    List<MentoringRequest> pendingCreatedBefore(String workspace, Instant before);
}
