package io.tandem.engine;

import java.util.List;

/**
 * A feature's part of a member's home: the Slack App Home tab, and wherever else a platform shows a personal
 * overview. Sections are shown in {@link #order()}.
 */
public interface HomeSection {

    int order();

    List<Block> blocks(Invocation invocation);
}
