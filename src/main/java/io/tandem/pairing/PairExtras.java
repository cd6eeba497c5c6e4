package io.tandem.pairing;

import io.tandem.engine.Block;
import io.tandem.engine.Messages;
import java.util.List;

/**
 * Port: what another feature adds to a pair where Tandem shows it (the modules: the plan to follow and how far the
 * pair got). Each list may be empty.
 */
public interface PairExtras {

    /** Lines told to each member when the pair is formed, in the reader's language. */
    List<String> introduction(Pair pair, Messages m);

    /** Fields shown under the pair in {@code /mentor pairs}. */
    List<Block.Field> fields(Pair pair, Messages m);
}
