package io.tandem.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A programme a lead runs in a workspace: a named campaign (GE's "find yourself a young mentor", a Danone
 * network), for the skills it is about (none: every skill), open to join until its end date (none: no end). It
 * names no one: who runs it are the workspace's leads, who joined is kept apart, each entry theirs. A lead can
 * close it ({@code closed}, null while it runs): then it takes no one new and makes no more rounds; its pairs go on.
 */
public record Campaign(
        String workspace, String name, List<String> skills, LocalDate until, Instant created, Instant closed) {

    /** Names are typed in commands: lower-case letters, digits and dashes, up to 40. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public Campaign {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a programme name: " + name);
        }
        skills = skills == null ? List.of() : List.copyOf(skills);
    }

    /** A programme that runs (not closed). */
    public Campaign(String workspace, String name, List<String> skills, LocalDate until, Instant created) {
        this(workspace, name, skills, until, created, null);
    }

    /** The same programme, closed at {@code at}. */
    public Campaign closedAt(Instant at) {
        return new Campaign(workspace, name, skills, until, created, at);
    }

    /** Whether it still takes members and rounds on {@code today}: not closed, and not past its end date. */
    public boolean open(LocalDate today) {
        return closed == null && (until == null || !until.isBefore(today));
    }

    /** Whether a learner of {@code skill} belongs in this programme's matching. */
    public boolean covers(String skill) {
        return skills.isEmpty() || skills.contains(skill);
    }
}
