package io.tandem.store;

import io.tandem.engine.MemberId;
import java.time.LocalDate;
import java.util.List;

/** The key layout, in one place. */
final class RedisKeys {

    static final String NO_BAND = "none";

    /** Set: every workspace with members (the sweeps of timed work go through them). */
    static final String WORKSPACES = "tandem:workspaces";

    private RedisKeys() {}

    static String prefix(String workspace) {
        return "tandem:{" + workspace + "}:";
    }

    /** Hash: one member's profile. */
    static String member(MemberId id) {
        return prefix(id.workspace()) + "m:" + id.user();
    }

    /** Set: user ids of every member of the workspace. */
    static String members(String workspace) {
        return prefix(workspace) + "members";
    }

    /** Hash: folded handle → user id. */
    static String handles(String workspace) {
        return prefix(workspace) + "handles";
    }

    /** Sorted set: active teachers of a skill in one seniority band, scored by spare capacity. */
    static String teachers(String workspace, String skill, String band) {
        return prefix(workspace) + "teach:" + skill + ":" + band;
    }

    /** Set: members who want to learn a skill. */
    static String learners(String workspace, String skill) {
        return prefix(workspace) + "learn:" + skill;
    }

    /**
     * Sorted set: every record of a kind in a workspace ({@code requests}, {@code pairs}, {@code sessions},
     * {@code checkins}, {@code questions}), scored by when it happened, for the leads' statistics.
     */
    static String index(String workspace, String kind) {
        return prefix(workspace) + "index:" + kind;
    }

    /** Hash: the day's counters of a workspace (tips delivered, marked useful…), for the leads' statistics. */
    static String daily(String workspace, LocalDate day) {
        return prefix(workspace) + "daily:" + day;
    }

    /** Set: user ids of paused members. */
    static String paused(String workspace) {
        return prefix(workspace) + "paused";
    }

    /** List: rendered notifications delivered to a console member, oldest first. */
    static String inbox(MemberId id) {
        return prefix(id.workspace()) + "inbox:" + id.user();
    }

    /** Hash: emails of members, folded email → user id. */
    static String emails(String workspace) {
        return prefix(workspace) + "emails";
    }

    /** Hash: user id → email. */
    static String emailOf(String workspace) {
        return prefix(workspace) + "email-of";
    }

    /** Set: user ids of the leads named from chat. */
    static String leads(String workspace) {
        return prefix(workspace) + "leads";
    }

    /** Sorted set: what one member sent others in the last hour, for the sending limit. */
    static String sends(MemberId id) {
        return prefix(id.workspace()) + "sends:" + id.user();
    }

    /**
     * Every key that holds one member's data alone, named after them: what forgetting them deletes outright. A store
     * that adds such a key adds it here.
     */
    static List<String> memberKeys(MemberId m) {
        String p = prefix(m.workspace());
        String u = m.user();
        return List.of(
                member(m),
                p + "requests:" + u,
                p + "pairs:" + u,
                p + "sessions:" + u,
                p + "questions:asked:" + u,
                p + "nudges-off:" + u,
                inbox(m),
                p + "teams-conversation:" + u,
                p + "slack-user:" + u,
                p + "reported:" + u,
                p + "owns:" + u,
                sends(m));
    }
}
