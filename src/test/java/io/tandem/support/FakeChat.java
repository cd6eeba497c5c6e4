package io.tandem.support;

import static org.awaitility.Awaitility.await;

import io.tandem.console.ConsoleInbox;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.Action;
import io.tandem.engine.Block;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Mention;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A fake adapter: drives the engine like a person chatting (say a line, click a button) and reads what other
 * members were sent. Members are console members, so notifications land in the real console inbox.
 */
public final class FakeChat {

    private final ConversationEngine engine;
    private final ConsoleInbox inbox;

    public FakeChat(ConversationEngine engine, ConsoleInbox inbox) {
        this.engine = engine;
        this.inbox = inbox;
    }

    /**
     * A chat on an emptied store: first waits for the console deliveries still in flight (a previous test's would
     * otherwise land in this one's inboxes), then empties Redis.
     */
    public static FakeChat afresh(
            ConversationEngine engine, ConsoleInbox inbox, StringRedisTemplate redis, DeliveryQueue queue) {
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.depth(Platform.CONSOLE) == 0);
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        return new FakeChat(engine, inbox);
    }

    public Reply say(String user, String text) {
        return say(user, Locale.ENGLISH, text);
    }

    public Reply say(String user, Locale locale, String text) {
        return say(user, locale, text, List.of());
    }

    /** A line with the mentions a platform such as Teams sends beside the text. */
    public Reply say(String user, Locale locale, String text, List<Mention> mentions) {
        return engine.handle(ChatEvent.text(
                Platform.CONSOLE, "", user, null, locale, ZoneId.of("Europe/Paris"), "test", text, mentions));
    }

    public Reply click(String user, Block.Button button) {
        return click(user, Locale.ENGLISH, button.actionId(), button.value(), Map.of());
    }

    public Reply click(String user, Locale locale, String actionId, String value, Map<String, String> fields) {
        return engine.handle(ChatEvent.action(
                Platform.CONSOLE,
                "",
                user,
                null,
                locale,
                ZoneId.of("Europe/Paris"),
                "test",
                new Action(actionId, value, fields)));
    }

    /** The raw JSON of the notifications delivered to a console member, oldest first. */
    public List<String> inbox(String user) {
        return inbox.read(new MemberId("console", user));
    }

    /** The sections of a reply that carry a heading (the cards). */
    public static List<Block.Section> cards(Reply reply) {
        return reply.blocks().stream()
                .filter(Block.Section.class::isInstance)
                .map(Block.Section.class::cast)
                .filter(s -> s.heading() != null)
                .toList();
    }

    public static Optional<Block.Button> button(Block.Section card, String label) {
        return card.buttons().stream().filter(b -> b.label().equals(label)).findFirst();
    }

    /** The user's first {@code count} delivered notifications, waiting for the delivery queue (10 s at most). */
    public List<String> waitFor(String user, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> inbox(user), l -> l.size() >= count);
    }

    /** The value of the first button with this action in a rendered notification (console JSON). */
    public static String value(String json, String action) {
        int at = json.indexOf("\"action\":\"" + action + "\"");
        if (at < 0) {
            throw new AssertionError("no " + action + " button in " + json);
        }
        int start = json.indexOf("\"value\":\"", at) + 9;
        return json.substring(start, json.indexOf('"', start));
    }

    /** The value of the first button with this action in a reply. */
    public static String value(Reply reply, String action) {
        return reply.blocks().stream()
                .filter(Block.Section.class::isInstance)
                .map(Block.Section.class::cast)
                .flatMap(s -> s.buttons().stream())
                .filter(b -> b.actionId().equals(action))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " button in " + reply.text()))
                .value();
    }
}
