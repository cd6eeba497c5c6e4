package io.tandem.slack;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.model.File;
import com.slack.api.model.event.MessageFileShareEvent;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.modules.Modules;
import io.tandem.programme.RosterImport;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A CSV shared in Tandem's DM is a roster for {@code /mentor admin import}, or a module file for {@code /mentor admin
 * modules import} when its header names a goal and a topic (leads only, as the commands).
 */
final class RosterUpload {

    private final SlackEvents events;
    private final SlackRosterFiles rosters;
    private final Predicate<MemberId> isLead;

    RosterUpload(SlackEvents events, SlackRosterFiles rosters, Predicate<MemberId> isLead) {
        this.events = events;
        this.rosters = rosters;
        this.isLead = isLead;
    }

    /** The first CSV among the event's files, if any. */
    static Optional<File> csv(MessageFileShareEvent e) {
        return e.getFiles().stream().filter(SlackRosterFiles::isCsv).findFirst();
    }

    /** Imports {@code csv} for a lead, in parts that each fit a command; anyone else is refused by the engine. */
    void upload(EventContext ctx, String workspace, String token, MessageFileShareEvent e, File csv) {
        SlackMember who = events.member(ctx, workspace, e.getUser(), null);
        ChatEvent asked = SlackEvents.textEvent(who, workspace, e.getChannel(), "/mentor admin import");
        boolean lead;
        try {
            lead = isLead.test(asked.member());
        } catch (StoreUnavailableException unavailable) {
            SlackReplies.post(
                    ctx.client(),
                    e.getChannel(),
                    null,
                    Reply.text(who.messages().get("error.unavailable")),
                    null,
                    null);
            return;
        }
        if (!lead) {
            // nothing is downloaded for someone who may not import: the engine refuses them as for the command
            SlackReplies.post(ctx.client(), e.getChannel(), null, events.handle(workspace, asked), null, null);
            return;
        }
        Optional<String> content = rosters.download(csv, token);
        // a file whose header names a goal and a topic is a module file, imported whole modules at a time
        boolean modules = content.map(Modules::isModuleFile).orElse(false);
        String command = modules ? "/mentor admin modules import" : "/mentor admin import";
        List<String> parts = content.map(c -> modules ? Modules.fileParts(c, RosterImport.PART) : RosterImport.parts(c))
                .orElse(List.of());
        if (parts.isEmpty()) {
            SlackReplies.post(
                    ctx.client(),
                    e.getChannel(),
                    null,
                    Reply.text(who.messages().get("slack.roster.unreadable")),
                    null,
                    null);
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            Reply reply = events.handle(
                    workspace, SlackEvents.textEvent(who, workspace, e.getChannel(), command + "\n" + parts.get(i)));
            if (parts.size() > 1) {
                Reply.Builder withPart =
                        Reply.builder().text(who.messages().get("slack.roster.part", i + 1, parts.size()));
                reply.blocks().forEach(withPart::block);
                reply = withPart.build();
            }
            SlackReplies.post(ctx.client(), e.getChannel(), null, reply, null, null);
        }
    }
}
