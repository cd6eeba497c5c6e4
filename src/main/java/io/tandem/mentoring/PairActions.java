package io.tandem.mentoring;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;

/** Pausing, resuming and ending a pair. Ending frees the mentor's place; the feedback is private. */
@Component
public class PairActions {

    static final String PAUSE = "mentoring.pair.pause";
    static final String RESUME = "mentoring.pair.resume";
    static final String END = "mentoring.pair.end";

    private final Profiles profiles;
    private final MentoringStore store;
    private final Notifier notifier;
    private final Clock clock;

    public PairActions(Profiles profiles, MentoringStore store, Notifier notifier, Clock clock) {
        this.profiles = profiles;
        this.store = store;
        this.notifier = notifier;
        this.clock = clock;
    }

    Pair with(Invocation in, Profile other) {
        return store.pairs(in.caller().id()).stream().filter(p -> p.open() && p.involves(other.id())).findFirst()
                .orElseThrow(() -> new Refusal("session.not-paired", other.name()));
    }

    Pair fromButton(Invocation in) {
        return ActionValue.parse(in.action().value()).get("pair")
                .flatMap(id -> store.pair(in.caller().id().workspace(), id))
                .filter(p -> p.involves(in.caller().id()) && p.open())
                .orElseThrow(() -> new Refusal("action.stale"));
    }

    Reply end(Invocation in, Pair pair, String feedback) {
        store.save(pair.withStatus(Pair.Status.ENDED, clock.instant()));
        if (feedback != null && !feedback.isBlank()) {
            store.saveFeedback(in.caller().id().workspace(), pair.id(), in.caller().id(), feedback.strip());
        }
        profiles.find(pair.mentor()).ifPresent(mentor ->
                profiles.save(Requests.withMentees(mentor, mentor.mentees() - 1)));
        tell(in, pair, "pairs.ended.other");
        return Reply.text(in.t("pairs.ended", otherName(in, pair)));
    }

    Reply pause(Invocation in, Pair pair, boolean pausing) {
        store.save(pair.withStatus(pausing ? Pair.Status.PAUSED : Pair.Status.ACTIVE, clock.instant()));
        tell(in, pair, pausing ? "pairs.paused.other" : "pairs.resumed.other");
        return Reply.text(in.t(pausing ? "pairs.paused" : "pairs.resumed", otherName(in, pair)));
    }

    private String otherName(Invocation in, Pair pair) {
        return profiles.find(pair.other(in.caller().id())).map(Profile::name).orElse("?");
    }

    private void tell(Invocation in, Pair pair, String key) {
        profiles.find(pair.other(in.caller().id())).ifPresent(other -> {
            Messages m = Messages.of(other.effectiveLanguage());
            notifier.send(new Notification(other.id(), "mentoring.pair", Reply.text(m.get(key, in.caller().name()))));
        });
    }

    @Component
    static class Pause implements ActionHandler {
        private final PairActions pairs;

        Pause(PairActions pairs) {
            this.pairs = pairs;
        }

        @Override
        public String actionId() {
            return PAUSE;
        }

        @Override
        public Reply handle(Invocation in) {
            return pairs.pause(in, pairs.fromButton(in), true);
        }
    }

    @Component
    static class Resume implements ActionHandler {
        private final PairActions pairs;

        Resume(PairActions pairs) {
            this.pairs = pairs;
        }

        @Override
        public String actionId() {
            return RESUME;
        }

        @Override
        public Reply handle(Invocation in) {
            return pairs.pause(in, pairs.fromButton(in), false);
        }
    }

    @Component
    static class End implements ActionHandler {
        private final PairActions pairs;

        End(PairActions pairs) {
            this.pairs = pairs;
        }

        @Override
        public String actionId() {
            return END;
        }

        @Override
        public Reply handle(Invocation in) {
            return pairs.end(in, pairs.fromButton(in), null);
        }
    }
}
