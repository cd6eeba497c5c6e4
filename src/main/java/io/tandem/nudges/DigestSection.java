package io.tandem.nudges;

import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import java.util.List;

/**
 * Port: sections another package adds to the leads' weekly {@link Digest}, after its own figures. The figures are
 * worked out once per workspace, then written in each lead's language.
 */
public interface DigestSection {

    /** The workspace's sections this week, in order (none: nothing to add). */
    List<Part> sections(String workspace);

    /** One section, written in a lead's language. */
    @FunctionalInterface
    interface Part {
        Block in(Messages messages);
    }
}
