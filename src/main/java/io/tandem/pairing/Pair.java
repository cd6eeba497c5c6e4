package io.tandem.pairing;

import io.tandem.engine.MemberId;
import io.tandem.profiles.Profile;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A mentor and a mentee working together. {@code skills} are what the mentor teaches the mentee; {@code reverse}
 * what the mentee teaches back, when the exchange goes both ways.
 */
public record Pair(
        String id,
        MemberId mentor,
        MemberId mentee,
        Set<String> skills,
        Set<String> reverse,
        Status status,
        Instant createdAt,
        Instant endedAt) {

    public enum Status {
        ACTIVE,
        PAUSED,
        ENDED
    }

    public Pair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(mentor, "mentor");
        Objects.requireNonNull(mentee, "mentee");
        skills = Set.copyOf(skills);
        reverse = reverse == null ? Set.of() : Set.copyOf(reverse);
        Objects.requireNonNull(status, "status");
    }

    /**
     * A new active pair of {@code mentor} and {@code mentee} for {@code skill}; the exchange goes back in what the
     * mentee teaches and the mentor wants to learn.
     */
    public static Pair formed(Profile mentor, Profile mentee, String skill, Instant at) {
        Set<String> reverse = new LinkedHashSet<>(mentee.teaches());
        reverse.retainAll(mentor.learns());
        return new Pair(
                UUID.randomUUID().toString(),
                mentor.id(),
                mentee.id(),
                Set.of(skill),
                reverse,
                Status.ACTIVE,
                at,
                null);
    }

    /** The members whose data this holds. */
    public Set<MemberId> people() {
        return Set.copyOf(List.of(mentor, mentee));
    }

    /** The same pair with {@code who} replaced by {@code with} (a former member's tombstone). */
    public Pair replacing(MemberId who, MemberId with) {
        return new Pair(
                id,
                who.equals(mentor) ? with : mentor,
                who.equals(mentee) ? with : mentee,
                skills,
                reverse,
                status,
                createdAt,
                endedAt);
    }

    public boolean involves(MemberId member) {
        return mentor.equals(member) || mentee.equals(member);
    }

    public MemberId other(MemberId member) {
        return mentor.equals(member) ? mentee : mentor;
    }

    public boolean open() {
        return status != Status.ENDED;
    }

    public Pair withStatus(Status s, Instant at) {
        return new Pair(id, mentor, mentee, skills, reverse, s, createdAt, s == Status.ENDED ? at : endedAt);
    }

    public Pair withReverse(Set<String> skillsBack) {
        return new Pair(id, mentor, mentee, skills, skillsBack, status, createdAt, endedAt);
    }
}
