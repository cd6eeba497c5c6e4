package io.tandem.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.restclient.SkipParentValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.Entity;
import io.tandem.engine.Action;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.Mention;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Translation between Teams activities and the engine's events and replies. Nothing else. */
final class TeamsActivities {

    private TeamsActivities() {}

    /** The tenant: a member is tenant + AAD object id, the same in every chat. */
    static String tenant(Activity a) {
        if (a.getConversation() != null && a.getConversation().getTenantId() != null) {
            return a.getConversation().getTenantId();
        }
        if (a.getChannelData() instanceof Map<?, ?> data
                && data.get("tenant") instanceof Map<?, ?> t
                && t.get("id") != null) {
            return t.get("id").toString();
        }
        if (a.getChannelData() instanceof JsonNode data && data.path("tenant").hasNonNull("id")) {
            return data.path("tenant").path("id").asText();
        }
        return "unknown";
    }

    static String user(ChannelAccount account) {
        return account.getAadObjectId() != null && !account.getAadObjectId().isBlank()
                ? account.getAadObjectId()
                : account.getId();
    }

    static ZoneId zone(Activity a) {
        String id = a.getLocalTimezone();
        if ((id == null || id.isBlank()) && a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                if ("clientInfo".equals(e.getType()) && e.getProperties().get("timezone") != null) {
                    id = e.getProperties().get("timezone").asText();
                }
            }
        }
        try {
            return id == null || id.isBlank() ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Locale locale(Activity a) {
        return a.getLocale() == null || a.getLocale().isBlank() ? null : Locale.forLanguageTag(a.getLocale());
    }

    static boolean personal(Activity a) {
        return a.getConversation() != null
                && "personal".equals(a.getConversation().getConversationType());
    }

    /** A typed line: the bot's own mention is dropped by the grammar; other mentions carry their ids. */
    static ChatEvent text(Activity a) {
        List<Mention> mentions = new ArrayList<>();
        if (a.getEntities() != null) {
            for (Entity e : a.getEntities()) {
                JsonNode mentioned = e.getProperties().get("mentioned");
                JsonNode text = e.getProperties().get("text");
                if ("mention".equals(e.getType()) && mentioned != null && text != null) {
                    String id = mentioned.hasNonNull("aadObjectId")
                            ? mentioned.get("aadObjectId").asText()
                            : mentioned.path("id").asText();
                    mentions.add(new Mention(text.asText(), id));
                }
            }
        }
        return ChatEvent.text(
                Platform.TEAMS,
                tenant(a),
                user(a.getFrom()),
                a.getFrom().getName(),
                locale(a),
                zone(a),
                a.getConversation() == null ? null : a.getConversation().getId(),
                a.getText() == null ? "" : a.getText(),
                mentions);
    }

    /** A card button or form: {@code tandemAction}, {@code tandemValue}, and the inputs as fields. */
    static ChatEvent action(Activity a, Map<?, ?> data) {
        Object id = data.get(AdaptiveCardRenderer.ACTION);
        Object value = data.get(AdaptiveCardRenderer.VALUE);
        Map<String, String> fields = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (!AdaptiveCardRenderer.ACTION.equals(k)
                    && !AdaptiveCardRenderer.VALUE.equals(k)
                    && v != null
                    && !"msteams".equals(k)) {
                fields.put(String.valueOf(k), String.valueOf(v));
            }
        });
        return ChatEvent.action(
                Platform.TEAMS,
                tenant(a),
                user(a.getFrom()),
                a.getFrom().getName(),
                locale(a),
                zone(a),
                a.getConversation() == null ? null : a.getConversation().getId(),
                new Action(id == null ? "" : id.toString(), value == null ? "" : value.toString(), fields));
    }

    static Attachment attachment(Reply reply) {
        Attachment attachment = new CardAttachment();
        attachment.setContentType(AdaptiveCardRenderer.CONTENT_TYPE);
        attachment.setContent(AdaptiveCardRenderer.card(reply));
        return attachment;
    }

    /**
     * An attachment the SDK's request validator leaves alone: it reflects into every field of what it sends,
     * and on Java 17 may not open the JDK's own collections that hold the card. The card is plain data.
     */
    @SkipParentValidation
    static final class CardAttachment extends Attachment {}

    /** A message with the reply as a card, and its plain text as the summary notifications show. */
    static Activity message(Reply reply) {
        Activity activity = Activity.createMessageActivity();
        activity.setAttachments(List.of(attachment(reply)));
        String summary = reply.text().lines().findFirst().orElse("");
        activity.setSummary(summary.length() > 200 ? summary.substring(0, 199) + "…" : summary);
        return activity;
    }
}
