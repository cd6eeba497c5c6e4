package io.tandem.programme;

import io.tandem.engine.Invocation;
import io.tandem.engine.Reply;
import java.util.List;

/**
 * A part of {@code /mentor admin} that another feature brings (programmes: {@code /mentor admin programme …}). It
 * runs only for leads, after the check every admin command makes.
 */
public interface AdminSubcommand {

    /** The first words it answers to, English and French, folded (lower case, no accents). */
    List<String> words();

    /** Runs with what was typed after its word. */
    Reply run(Invocation in, String rest);
}
