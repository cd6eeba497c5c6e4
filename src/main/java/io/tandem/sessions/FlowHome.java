package io.tandem.sessions;

import io.tandem.engine.Block;
import io.tandem.engine.HomeSection;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The member's home: their pairs and their next sessions, after the profile. */
@Component
class FlowHome implements HomeSection {

    private static final int SHOWN = 5;

    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final Profiles profiles;
    private final ProfileView view;
    private final Clock clock;

    FlowHome(PairStore pairStore, SessionStore sessionStore, Profiles profiles, ProfileView view, Clock clock) {
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.profiles = profiles;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Block> blocks(Invocation in) {
        Messages m = in.messages();
        List<Block> blocks = new ArrayList<>();
        List<String> pairs = pairStore.pairs(in.caller().id()).stream()
                .filter(Pair::open)
                .limit(SHOWN)
                .map(p -> {
                    String other = profiles.find(p.other(in.caller().id()))
                            .map(Profile::name)
                            .orElseGet(() -> in.messages().get("member.former"));
                    return m.get(
                            p.mentor().equals(in.caller().id()) ? "pairs.role.mentor" : "pairs.role.mentee",
                            other,
                            view.skills(p.skills(), m.language()));
                })
                .toList();
        if (!pairs.isEmpty()) {
            blocks.add(new Block.Items(m.get("pairs.heading"), pairs));
        }
        List<String> sessions = sessionStore.sessions(in.caller().id()).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED && s.end().isAfter(clock.instant()))
                .limit(SHOWN)
                .map(s -> SessionNotices.when(s, in.caller().zone(), m) + " · "
                        + profiles.find(s.otherThan(in.caller().id()))
                                .map(Profile::name)
                                .orElseGet(() -> in.messages().get("member.former")))
                .toList();
        if (!sessions.isEmpty()) {
            blocks.add(new Block.Items(m.get("session.list.heading"), sessions));
        }
        return blocks;
    }
}
