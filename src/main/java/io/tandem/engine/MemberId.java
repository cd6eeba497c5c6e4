package io.tandem.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * A member of the programme: a user within one workspace of one platform.
 *
 * <p>The workspace is {@code console}, {@code slack:<team id>} or {@code teams:<tenant id>}; the string form is
 * {@code <workspace>:<user>}, e.g. {@code console:alice}, {@code slack:T1:U2}, {@code teams:<tenant>:<aad id>}.
 *
 * <p>A channel (the programme channel, where tips and escalated questions are posted for everyone) is addressed
 * the same way with {@code #} before its id: {@code slack:T1:#C0123}, {@code teams:<tenant>:#19:…@thread.tacv2},
 * {@code console:#programme}.
 */
public record MemberId(String workspace, String user) {

    /**
     * The user part of "a former member": what a member who asked to be forgotten becomes in the records they shared
     * with others (a pair, a session, an answer). No platform gives out such an id (console handles, Slack and Teams
     * ids never start with {@code ~}), and it is the same for every former member, so it links nothing together.
     */
    public static final String FORMER = "~former";

    public MemberId {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(user, "user");
        if (workspace.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("workspace and user must not be blank");
        }
    }

    public static MemberId of(Platform platform, String workspace, String user) {
        String ws = platform == Platform.CONSOLE || workspace == null || workspace.isBlank()
                ? platform.id()
                : platform.id() + ":" + workspace;
        return new MemberId(ws, user);
    }

    /** Reads the string form; the user part is whatever follows the workspace. */
    public static Optional<MemberId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 3);
        Optional<Platform> platform = Platform.fromId(parts[0]);
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        if (platform.get() == Platform.CONSOLE) {
            return parts.length >= 2 && !text.substring(parts[0].length() + 1).isBlank()
                    ? Optional.of(new MemberId(Platform.CONSOLE.id(), text.substring(parts[0].length() + 1)))
                    : Optional.empty();
        }
        if (parts.length < 3 || parts[1].isBlank() || parts[2].isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MemberId(parts[0] + ":" + parts[1], parts[2]));
    }

    /** The tombstone that stands for any former member of a workspace. */
    public static MemberId former(String workspace) {
        return new MemberId(workspace, FORMER);
    }

    /** True for the tombstone of a member who was forgotten. */
    public boolean formerMember() {
        return FORMER.equals(user);
    }

    /** True for a channel address ({@code #} before the id) rather than a person. */
    public boolean isChannel() {
        return user.startsWith("#") && user.length() > 1;
    }

    /** The channel's own id (without the {@code #}); only for {@link #isChannel() channels}. */
    public String channel() {
        if (!isChannel()) {
            throw new IllegalStateException(this + " is not a channel");
        }
        return user.substring(1);
    }

    public Platform platform() {
        int colon = workspace.indexOf(':');
        return Platform.fromId(colon < 0 ? workspace : workspace.substring(0, colon))
                .orElseThrow();
    }

    @Override
    public String toString() {
        return workspace + ":" + user;
    }
}
