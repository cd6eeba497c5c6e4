package io.tandem.console;

import io.tandem.engine.MemberId;
import java.util.List;

/** Port: the notifications delivered to console members, as rendered JSON documents, oldest first. */
public interface ConsoleInbox {

    /** Keeps at most this many per member; older ones are dropped first. */
    int CAPACITY = 200;

    void append(MemberId member, String renderedJson);

    List<String> read(MemberId member);
}
