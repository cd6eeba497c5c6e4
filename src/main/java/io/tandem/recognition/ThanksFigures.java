package io.tandem.recognition;

import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileExtras;
import io.tandem.stats.ThanksReceived;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What thanks count for: the leads' figures (thanks received by member, never shown per person under 5), and on a
 * member's profile, if they chose to be named, how many people they helped: those who thanked them and those they
 * mentored (or taught back).
 */
@Component
class ThanksFigures implements ThanksReceived, ProfileExtras {

    private final ThanksStore store;
    private final PairStore pairs;

    ThanksFigures(ThanksStore store, PairStore pairs) {
        this.store = store;
        this.pairs = pairs;
    }

    @Override
    public Map<MemberId, Long> between(String workspace, Instant from, Instant to) {
        Map<MemberId, Long> out = new LinkedHashMap<>();
        store.between(workspace, from, to).forEach(t -> out.merge(t.to(), 1L, Long::sum));
        return out;
    }

    @Override
    public List<Block.Field> fields(Profile p, Messages m) {
        if (!store.named(p.id())) {
            return List.of();
        }
        Set<MemberId> helped = new HashSet<>();
        store.received(p.id()).forEach(t -> helped.add(t.from()));
        for (Pair pair : pairs.pairs(p.id())) {
            if (pair.mentor().equals(p.id()) || !pair.reverse().isEmpty()) {
                helped.add(pair.other(p.id()));
            }
        }
        helped.remove(p.id());
        helped.removeIf(MemberId::formerMember);
        return helped.isEmpty()
                ? List.of()
                : List.of(new Block.Field(m.get("profile.field.helped"), m.get("profile.helped", helped.size())));
    }
}
