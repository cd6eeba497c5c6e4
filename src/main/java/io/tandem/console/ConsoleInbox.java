package io.tandem.console;

import io.tandem.engine.MemberId;
import java.util.Collection;
import java.util.List;

/** Port: the notifications delivered to console members, as rendered JSON documents, oldest first. */
public interface ConsoleInbox {

    /** Keeps at most this many per member; older ones are dropped first. */
    int CAPACITY = 200;

    /**
     * Appends a notification for {@code member}; {@code about} are the other people it shows, whose erasure takes
     * it out of the inbox.
     */
    void append(MemberId member, String renderedJson, Collection<MemberId> about);

    List<String> read(MemberId member);
}
