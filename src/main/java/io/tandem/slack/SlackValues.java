package io.tandem.slack;

import io.tandem.engine.Block;
import io.tandem.engine.Reply;
import io.tandem.engine.StoreUnavailableException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack cuts a button value at 2,000 characters and a modal's private_metadata at 3,000; a longer one would come
 * back corrupted. Such a value goes to Slack as a short reference to the value kept in the store, and the
 * reference is turned back into the value when the click or the form comes back.
 */
final class SlackValues {

    private static final Logger log = LoggerFactory.getLogger(SlackValues.class);
    static final String REF = "tandem:ref:";

    private final SlackLongValues store;

    SlackValues(SlackLongValues store) {
        this.store = store;
    }

    /** The reply with every value too long for Slack replaced by a reference. */
    Reply shrink(String team, Reply reply) {
        boolean tooLong = reply.blocks().stream()
                .anyMatch(b -> b instanceof Block.Section s
                                && s.buttons().stream().anyMatch(x -> x.value().length() > BlockKitRenderer.VALUE)
                        || b instanceof Block.Form f && f.value().length() > BlockKitRenderer.METADATA);
        if (!tooLong) {
            return reply;
        }
        try {
            List<Block> blocks = new ArrayList<>();
            for (Block block : reply.blocks()) {
                if (block instanceof Block.Section s) {
                    blocks.add(new Block.Section(
                            s.heading(),
                            s.text(),
                            s.fields(),
                            s.buttons().stream()
                                    .map(b -> new Block.Button(
                                            b.actionId(),
                                            b.label(),
                                            keep(team, b.value(), BlockKitRenderer.VALUE),
                                            b.style()))
                                    .toList()));
                } else if (block instanceof Block.Form f) {
                    blocks.add(new Block.Form(
                            f.actionId(),
                            f.title(),
                            f.submitLabel(),
                            f.inputs(),
                            f.errors(),
                            keep(team, f.value(), BlockKitRenderer.METADATA)));
                } else {
                    blocks.add(block);
                }
            }
            return new Reply(reply.text(), reply.visibility(), blocks);
        } catch (StoreUnavailableException e) {
            log.warn("Could not keep a long Slack value, store unavailable: {}", e.getMessage());
            return reply;
        }
    }

    /** What a value from Slack stands for: itself, or the kept value it refers to (as is if that expired). */
    String resolve(String team, String value) {
        if (value == null || !value.startsWith(REF)) {
            return value;
        }
        return store.get(workspace(team), value.substring(REF.length())).orElse(value);
    }

    private String keep(String team, String value, int max) {
        return value.length() <= max ? value : REF + store.keep(workspace(team), value);
    }

    private static String workspace(String team) {
        return "slack:" + team;
    }
}
