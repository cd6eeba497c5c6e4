package io.tandem.moderation;

import io.tandem.engine.MemberId;
import java.util.Optional;

/**
 * Port: something members write for others to read (a question, an answer, a tip) that can be reported and
 * hidden. Each feature implements it for its own kinds.
 */
public interface Moderated {

    /** The kind this handles, e.g. {@code question}; unique across implementations. */
    String kind();

    Optional<Item> find(String workspace, String id);

    /** Hides the item: it is no longer listed, sent or counted. Hiding twice is harmless. */
    void hide(String workspace, String id);

    /**
     * What a lead is shown.
     *
     * @param by     who wrote it, or null when they must not be named (an anonymous question)
     * @param skill  the skill it is about (an id)
     * @param hidden already hidden
     * @param owner  who wrote it (null for a starter tip): never shown, even for an anonymous question; it only tells
     *               whose data a report about it holds
     */
    record Item(String kind, String id, String text, String by, String skill, boolean hidden, MemberId owner) {}
}
