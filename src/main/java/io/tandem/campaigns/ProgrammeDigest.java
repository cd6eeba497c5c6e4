package io.tandem.campaigns;

import io.tandem.engine.Block;
import io.tandem.nudges.DigestSection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The leads' weekly digest gains a section per programme of the workspace still open (not closed, not past its end
 * date), by name: its {@link Funnel} in one line, as {@code status} shows it, figures under 5 masked as {@code <5}.
 */
@Component
class ProgrammeDigest implements DigestSection {

    private final CampaignStore store;
    private final Funnel funnel;
    private final Clock clock;

    ProgrammeDigest(CampaignStore store, Funnel funnel, Clock clock) {
        this.store = store;
        this.funnel = funnel;
        this.clock = clock;
    }

    @Override
    public List<Part> sections(String workspace) {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        return store.all(workspace).stream()
                .filter(c -> c.open(today))
                .map(c -> {
                    Funnel.Figures figures = funnel.of(c);
                    Part part = m -> new Block.Section(
                            m.get("digest.programme", c.name()), CampaignStatus.line(figures, m), List.of(), List.of());
                    return part;
                })
                .toList();
    }
}
