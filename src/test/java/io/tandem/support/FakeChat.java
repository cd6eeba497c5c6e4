package io.tandem.support;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.Action;
import io.tandem.engine.Block;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Mention;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;

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

    public Reply say(String user, String text) {
        return say(user, Locale.ENGLISH, text);
    }

    public Reply say(String user, Locale locale, String text) {
        return say(user, locale, text, List.of());
    }

    /** A line with the mentions a platform such as Teams sends beside the text. */
    public Reply say(String user, Locale locale, String text, List<Mention> mentions) {
        return engine.handle(ChatEvent.text(Platform.CONSOLE, "", user, null, locale, ZoneId.of("Europe/Paris"),
                "test", text, mentions));
    }

    public Reply click(String user, Block.Button button) {
        return click(user, Locale.ENGLISH, button.actionId(), button.value(), Map.of());
    }

    public Reply click(String user, Locale locale, String actionId, String value, Map<String, String> fields) {
        return engine.handle(ChatEvent.action(Platform.CONSOLE, "", user, null, locale, ZoneId.of("Europe/Paris"),
                "test", new Action(actionId, value, fields)));
    }

    /** The raw JSON of the notifications delivered to a console member, oldest first. */
    public List<String> inbox(String user) {
        return inbox.read(new MemberId("console", user));
    }

    /** The sections of a reply that carry a heading (the cards). */
    public static List<Block.Section> cards(Reply reply) {
        return reply.blocks().stream().filter(Block.Section.class::isInstance).map(Block.Section.class::cast)
                .filter(s -> s.heading() != null).toList();
    }

    public static Optional<Block.Button> button(Block.Section card, String label) {
        return card.buttons().stream().filter(b -> b.label().equals(label)).findFirst();
    }
}
