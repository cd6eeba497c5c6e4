package io.tandem.engine;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a member did in a chat, translated by an adapter into platform-neutral terms: either a line of text
 * or an {@link Action}.
 *
 * @param platform     where it happened
 * @param workspace    the Slack team, Teams tenant, or empty for the console
 * @param userId       the platform's id of the member
 * @param displayName  the member's name as the platform shows it, or {@code null} when the platform did not say
 * @param locale       the member's locale as the platform reports it (the member can override it), or
 *                     {@code null} when the platform did not say
 * @param timezone     the member's timezone, or {@code null} when the platform did not say
 * @param conversation where to answer (channel, chat); informative for the engine
 * @param text         the line typed, or {@code null} for an action
 * @param action       the action, or {@code null} for a line of text
 * @param mentions     people mentioned in the text whose ids the platform supplied
 */
public record ChatEvent(
        Platform platform,
        String workspace,
        String userId,
        String displayName,
        Locale locale,
        ZoneId timezone,
        String conversation,
        String text,
        Action action,
        List<Mention> mentions) {

    public ChatEvent {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(userId, "userId");
        workspace = workspace == null ? "" : workspace;
        displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        if ((text == null) == (action == null)) {
            throw new IllegalArgumentException("a chat event carries either text or an action");
        }
    }

    public static ChatEvent text(
            Platform platform,
            String workspace,
            String userId,
            String displayName,
            Locale locale,
            ZoneId timezone,
            String conversation,
            String text,
            List<Mention> mentions) {
        return new ChatEvent(
                platform,
                workspace,
                userId,
                displayName,
                locale,
                timezone,
                conversation,
                text == null ? "" : text,
                null,
                mentions);
    }

    public static ChatEvent action(
            Platform platform,
            String workspace,
            String userId,
            String displayName,
            Locale locale,
            ZoneId timezone,
            String conversation,
            Action action) {
        return new ChatEvent(
                platform,
                workspace,
                userId,
                displayName,
                locale,
                timezone,
                conversation,
                null,
                Objects.requireNonNull(action, "action"),
                List.of());
    }

    public MemberId member() {
        return MemberId.of(platform, workspace, userId);
    }

    /** The language the platform reported, English when it did not say. */
    public Language language() {
        return Language.of(locale);
    }

    public boolean isAction() {
        return action != null;
    }
}
