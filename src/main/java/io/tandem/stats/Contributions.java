package io.tandem.stats;

import io.tandem.modules.Modules;
import java.util.List;

/**
 * Who contributes, by seniority band and by direction, and how far pairs got in their modules: what {@code /stats}
 * shows beside its {@link StatsReport}. Figures about fewer than five people are masked when rendered.
 *
 * @param bands      junior, mid, senior, exec, then members whose seniority is unknown
 * @param directions sessions by who taught whom: a junior a more senior colleague, the other way, the same level,
 *                   unknown
 */
public record Contributions(List<Band> bands, List<Direction> directions, Modules.Completion modules) {

    public Contributions {
        bands = List.copyOf(bands);
        directions = List.copyOf(directions);
    }

    /** One band: its members, and the answers, tips, sessions given and thanks received of the period. */
    public record Band(String id, long people, long answers, long tips, long sessions, long thanks) {}

    /** Sessions of the period in one direction, and how many people took part in them. */
    public record Direction(String id, long sessions, long people) {}
}
