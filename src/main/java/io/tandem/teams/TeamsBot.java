package io.tandem.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams bot: messages and card submissions go to the engine and come back as Adaptive Cards; Universal
 * Actions ({@code adaptiveCard/action}) are answered with a card; a member added gets a welcome card. Every
 * activity from a personal chat keeps that member's conversation reference for proactive notifications.
 */
final class TeamsBot implements Bot {

    private static final Logger log = LoggerFactory.getLogger(TeamsBot.class);

    private final ConversationEngine engine;
    private final TeamsConversations conversations;
    private final ObjectMapper mapper = new JacksonAdapter().serializer();

    TeamsBot(ConversationEngine engine, TeamsConversations conversations) {
        this.engine = engine;
        this.conversations = conversations;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity a = turn.getActivity();
        if (a.getFrom() == null || a.getType() == null) {
            // an invoke left unanswered becomes a 501 from the SDK: without a sender, it is a bad request
            return ActivityTypes.INVOKE.equals(a.getType())
                    ? respond(turn, new InvokeResponse(400, null))
                    : CompletableFuture.completedFuture(null);
        }
        remember(a);
        return switch (a.getType()) {
            case ActivityTypes.MESSAGE -> message(turn, a);
            case ActivityTypes.INVOKE -> invoke(turn, a);
            case ActivityTypes.CONVERSATION_UPDATE -> welcome(turn, a);
            default -> CompletableFuture.completedFuture(null);
        };
    }

    private CompletableFuture<Void> message(TurnContext turn, Activity a) {
        Reply reply;
        if (a.getValue() != null) {
            reply = engine.handle(TeamsActivities.action(a, data(a.getValue())));
        } else if (a.getText() != null && !a.getText().isBlank()) {
            reply = engine.handle(TeamsActivities.text(a));
        } else {
            return CompletableFuture.completedFuture(null);
        }
        return turn.sendActivity(TeamsActivities.message(reply)).thenApply(sent -> null);
    }

    /** Universal Actions: the card's Action.Execute; the answer replaces the card. */
    private CompletableFuture<Void> invoke(TurnContext turn, Activity a) {
        if (!"adaptiveCard/action".equals(a.getName())) {
            return respond(turn, new InvokeResponse(200, null));
        }
        Map<String, Object> action = data(data(a.getValue()).get("action"));
        Map<String, Object> payload = new LinkedHashMap<>(data(action.get("data")));
        if (!payload.containsKey(AdaptiveCardRenderer.ACTION) && action.get("verb") != null) {
            payload.put(AdaptiveCardRenderer.ACTION, action.get("verb"));
        }
        Reply reply = engine.handle(TeamsActivities.action(a, payload));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", 200);
        body.put("type", AdaptiveCardRenderer.CONTENT_TYPE);
        body.put("value", AdaptiveCardRenderer.card(reply));
        return respond(turn, new InvokeResponse(200, body));
    }

    private static CompletableFuture<Void> respond(TurnContext turn, InvokeResponse response) {
        Activity activity = new Activity(ActivityTypes.INVOKE_RESPONSE);
        activity.setValue(response);
        return turn.sendActivity(activity).thenApply(sent -> null);
    }

    /** Tandem installed, or someone joined: a welcome card in their language explaining what Tandem does. */
    private CompletableFuture<Void> welcome(TurnContext turn, Activity a) {
        if (a.getMembersAdded() == null || a.getMembersAdded().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        // a recipient without an id (a malformed activity) never matches anyone
        String botId = a.getRecipient() == null || a.getRecipient().getId() == null
                ? ""
                : a.getRecipient().getId();
        boolean botInstalled =
                !botId.isEmpty() && a.getMembersAdded().stream().anyMatch(m -> m != null && botId.equals(m.getId()));
        // In a personal chat, installing Tandem adds the member; in a team or group chat, the bot joining says hello
        // once, rather than to every new colleague.
        if (!(TeamsActivities.personal(a) || botInstalled)) {
            return CompletableFuture.completedFuture(null);
        }
        Messages m = Messages.of(Language.of(TeamsActivities.locale(a)));
        Reply card = Reply.builder()
                .section(m.get("teams.welcome.title"), m.get("teams.welcome.text"))
                .items(
                        m.get("help.short-heading"),
                        List.of(m.get("teams.welcome.find"), m.get("teams.welcome.teach"), m.get("teams.welcome.help")))
                .build();
        return turn.sendActivity(TeamsActivities.message(card)).thenApply(sent -> null);
    }

    /**
     * Keeps the member's personal conversation, the one Tandem can write to later; in a channel or group chat,
     * keeps that conversation under {@code #<conversation id>}, so it can be the programme channel.
     */
    private void remember(Activity a) {
        if (a.getFrom() == null) {
            return;
        }
        if (!TeamsActivities.personal(a)) {
            rememberChannel(a);
            return;
        }
        ChannelAccount member = a.getFrom();
        if (ActivityTypes.CONVERSATION_UPDATE.equals(a.getType()) && a.getMembersAdded() != null) {
            member = a.getMembersAdded().stream()
                    .filter(m -> a.getRecipient() == null
                            || !m.getId().equals(a.getRecipient().getId()))
                    .findFirst()
                    .orElse(member);
        }
        try {
            conversations.save(
                    MemberId.of(Platform.TEAMS, TeamsActivities.tenant(a), TeamsActivities.user(member)),
                    mapper.writeValueAsString(a.getConversationReference()));
        } catch (StoreUnavailableException | JsonProcessingException e) {
            log.warn("Could not keep a Teams conversation reference: {}", e.getMessage());
        }
    }

    private void rememberChannel(Activity a) {
        if (a.getConversation() == null || a.getConversation().getId() == null) {
            return;
        }
        // a reply in a channel thread carries ";messageid=…": the channel itself is what comes before
        String conversation = a.getConversation().getId().split(";", 2)[0];
        try {
            // a copy: the reference shares its conversation with the activity being answered
            ObjectNode reference = mapper.valueToTree(a.getConversationReference());
            if (reference.get("conversation") instanceof ObjectNode c) {
                c.put("id", conversation);
            }
            // without the message it came from, a post is a new one in the channel, not a reply in that thread
            reference.remove("activityId");
            conversations.save(
                    MemberId.of(Platform.TEAMS, TeamsActivities.tenant(a), "#" + conversation),
                    mapper.writeValueAsString(reference));
        } catch (StoreUnavailableException | JsonProcessingException e) {
            log.warn("Could not keep a Teams channel's conversation reference: {}", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value instanceof JsonNode node && node.isObject()) {
            return mapper.convertValue(node, Map.class);
        }
        if (value instanceof String s && s.strip().startsWith("{")) {
            try {
                return mapper.readValue(s, Map.class);
            } catch (JsonProcessingException e) {
                return Map.of();
            }
        }
        return Map.of();
    }
}
