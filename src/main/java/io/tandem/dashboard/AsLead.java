package io.tandem.dashboard;

import io.tandem.engine.Action;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Mention;
import io.tandem.engine.Reply;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a lead does on the dashboard, said to the engine as the same lead would in chat: the same command, the
 * same checks (a lead of that workspace), the same answer. No rule of the programme is written twice.
 */
@Component
class AsLead {

    static final String CONVERSATION = "dashboard";

    private final ConversationEngine engine;

    AsLead(ConversationEngine engine) {
        this.engine = engine;
    }

    Reply say(MemberId lead, Language language, String line) {
        return say(lead, language, line, List.of());
    }

    /** A command naming people: {@code <at>name</at>} in the line, each with the member it stands for. */
    Reply say(MemberId lead, Language language, String line, List<Mention> people) {
        return engine.handle(said(lead, language, line, people));
    }

    /** A line the lead says on the dashboard, as a chat event of their own platform and workspace. */
    static ChatEvent said(MemberId lead, Language language, String line, List<Mention> people) {
        return ChatEvent.text(
                lead.platform(),
                workspace(lead),
                lead.user(),
                null,
                language.locale(),
                null,
                CONVERSATION,
                line,
                people);
    }

    /** A button of an earlier answer, clicked. */
    Reply click(MemberId lead, Language language, Action action) {
        return engine.handle(ChatEvent.action(
                lead.platform(), workspace(lead), lead.user(), null, language.locale(), null, CONVERSATION, action));
    }

    /** The mention of a member by a placeholder name, for {@link #say(MemberId, Language, String, List)}. */
    static Mention mention(String placeholder, MemberId member) {
        return new Mention("<at>" + placeholder + "</at>", member.user());
    }

    /** The platform's own workspace id (the Slack team, the Teams tenant), empty for the console. */
    static String workspace(MemberId member) {
        String ws = member.workspace();
        int colon = ws.indexOf(':');
        return colon < 0 ? "" : ws.substring(colon + 1);
    }
}
