package io.tandem.qa;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question about a skill. {@code asker} is kept to relay answers to them; when {@code anonymous}, it is never
 * shown, sent or put in any payload for anyone else.
 *
 * @param routedTo    the experts it was sent to, in order
 * @param escalatedAt when it went further for want of an answer (null: not yet)
 * @param hidden      a lead hid it: it is no longer listed, routed or escalated
 */
public record Question(
        String id,
        MemberId asker,
        boolean anonymous,
        String skill,
        String text,
        Instant createdAt,
        List<MemberId> routedTo,
        Instant escalatedAt,
        boolean hidden) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(asker, "asker");
        Objects.requireNonNull(skill, "skill");
        Objects.requireNonNull(text, "text");
        routedTo = routedTo == null ? List.of() : List.copyOf(routedTo);
    }

    public Question(
            String id,
            MemberId asker,
            boolean anonymous,
            String skill,
            String text,
            Instant createdAt,
            List<MemberId> routedTo) {
        this(id, asker, anonymous, skill, text, createdAt, routedTo, null, false);
    }

    /** The members whose data this holds: the asker and every expert it was sent to. */
    public Set<MemberId> people() {
        Set<MemberId> all = new LinkedHashSet<>(routedTo);
        all.add(asker);
        return all;
    }

    /** The same question with {@code who} replaced by {@code with} (a former member's tombstone), wherever named. */
    public Question replacing(MemberId who, MemberId with) {
        return new Question(
                id,
                who.equals(asker) ? with : asker,
                anonymous,
                skill,
                text,
                createdAt,
                routedTo.stream().map(m -> who.equals(m) ? with : m).toList(),
                escalatedAt,
                hidden);
    }

    public String workspace() {
        return asker.workspace();
    }

    public String shortId() {
        return id.substring(0, Math.min(6, id.length()));
    }

    /** The same question, also sent to these experts. */
    public Question routedAlsoTo(List<MemberId> more) {
        List<MemberId> all = new ArrayList<>(routedTo);
        all.addAll(more);
        return new Question(id, asker, anonymous, skill, text, createdAt, all, escalatedAt, hidden);
    }

    public Question escalated(Instant at) {
        return new Question(id, asker, anonymous, skill, text, createdAt, routedTo, at, hidden);
    }

    public Question hiddenByLead() {
        return new Question(id, asker, anonymous, skill, text, createdAt, routedTo, escalatedAt, true);
    }
}
