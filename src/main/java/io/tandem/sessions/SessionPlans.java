package io.tandem.sessions;

import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.pairing.Pair;
import java.util.List;
import java.util.Optional;

/**
 * Port: a plan a pair follows (the modules), so that scheduling proposes the next step's topic and a check-in can
 * mark a step done.
 */
public interface SessionPlans {

    /** The topic to propose for the pair's next session, when it has a step to do. */
    Optional<String> nextTopic(Pair pair, Language language);

    /** The steps a check-in can mark done, as choices whose value names the step. */
    List<Block.Choice> steps(Pair pair, Messages m);

    /** Marks the step a check-in chose done; what to tell the member, empty if it was not the next step. */
    Optional<String> done(Pair pair, String choice, Messages m);
}
