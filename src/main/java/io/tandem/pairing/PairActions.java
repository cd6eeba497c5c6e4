package io.tandem.pairing;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Pausing, resuming and ending a pair. Ending frees the mentor's place; the feedback is private. */
@Component
public class PairActions {

    /** The Schedule button on a pair: the sessions feature answers it with its form. */
    public static final String SCHEDULE = "mentoring.schedule.form";

    static final String PAUSE = "mentoring.pair.pause";
    static final String RESUME = "mentoring.pair.resume";
    static final String END = "mentoring.pair.end";

    private final Profiles profiles;
    private final PairStore pairStore;
    private final RequestStore requestStore;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final List<PairExtras> extras;

    public PairActions(
            Profiles profiles,
            PairStore pairStore,
            RequestStore requestStore,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            List<PairExtras> extras) {
        this.extras = List.copyOf(extras);
        this.profiles = profiles;
        this.pairStore = pairStore;
        this.requestStore = requestStore;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** {@code /mentor pairs}: mine, with status and what to do next, and the requests still waiting. */
    Reply list(Invocation in) {
        Messages m = in.messages();
        List<Pair> pairs = pairStore.pairs(in.caller().id());
        List<MentoringRequest> pending = requestStore.pending(in.caller().id());
        if (pairs.isEmpty() && pending.isEmpty()) {
            return Reply.text(m.get("pairs.none"));
        }
        Reply.Builder reply = Reply.builder().text(m.get("pairs.heading"));
        for (Pair p : pairs) {
            String other = profiles.find(p.other(in.caller().id()))
                    .map(Profile::name)
                    .orElseGet(() -> in.messages().get("member.former"));
            boolean mentor = p.mentor().equals(in.caller().id());
            String role = m.get(
                    mentor ? "pairs.role.mentor" : "pairs.role.mentee", other, view.skills(p.skills(), m.language()));
            String back = p.reverse().isEmpty() ? null : m.get("pairs.reverse", view.skills(p.reverse(), m.language()));
            List<Block.Field> fields = new ArrayList<>();
            fields.add(new Block.Field(
                    m.get("pairs.field.status"),
                    m.get("pairs.status." + p.status().name().toLowerCase(Locale.ROOT))));
            if (p.open()) {
                extras.forEach(extra -> fields.addAll(extra.fields(p, m)));
            }
            reply.block(new Block.Section(role, back, fields, buttons(p, m)));
        }
        if (!pending.isEmpty()) {
            reply.items(
                    m.get("pairs.pending"),
                    pending.stream()
                            .map(r -> {
                                boolean asked = r.mentee().equals(in.caller().id());
                                String other = profiles.find(asked ? r.mentor() : r.mentee())
                                        .map(Profile::name)
                                        .orElseGet(() -> in.messages().get("member.former"));
                                return m.get(
                                        asked ? "pairs.pending.sent" : "pairs.pending.received",
                                        other,
                                        view.skill(r.skill(), m.language()));
                            })
                            .toList());
        }
        return reply.build();
    }

    private static List<Block.Button> buttons(Pair p, Messages m) {
        String value = ActionValue.of("pair", p.id());
        Block.Button end = new Block.Button(END, m.get("button.end-pair"), value, Block.ButtonStyle.DANGER);
        return switch (p.status()) {
            case ACTIVE ->
                List.of(scheduleButton(p, m), new Block.Button(PAUSE, m.get("button.pause-pair"), value, null), end);
            case PAUSED -> List.of(new Block.Button(RESUME, m.get("button.resume-pair"), value, null), end);
            case ENDED -> List.of();
        };
    }

    Pair with(Invocation in, Profile other) {
        return pairStore.pairs(in.caller().id()).stream()
                .filter(p -> p.open() && p.involves(other.id()))
                .findFirst()
                .orElseThrow(() -> new Refusal("session.not-paired", other.name()));
    }

    Pair fromButton(Invocation in) {
        return ActionValue.parse(in.action().value())
                .get("pair")
                .flatMap(id -> pairStore.pair(in.caller().id().workspace(), id))
                .filter(p -> p.involves(in.caller().id()) && p.open())
                .orElseThrow(() -> new Refusal("action.stale"));
    }

    /** Ends the pair (if nobody did meanwhile): the mentor's place is freed in the same step. */
    Reply end(Invocation in, Pair pair, String feedback) {
        TextLimit.REASON.check(feedback);
        if (!pairStore.change(pair.status(), pair.withStatus(Pair.Status.ENDED, clock.instant()))) {
            throw new Refusal("action.stale");
        }
        if (feedback != null && !feedback.isBlank()) {
            pairStore.saveFeedback(
                    in.caller().id().workspace(), pair.id(), in.caller().id(), feedback.strip());
        }
        tell(in, pair, NotificationKind.PAIR_ENDED, "pairs.ended.other");
        return Reply.text(in.t("pairs.ended", otherName(in, pair)));
    }

    Reply pause(Invocation in, Pair pair, boolean pausing) {
        if (!pairStore.change(
                pair.status(), pair.withStatus(pausing ? Pair.Status.PAUSED : Pair.Status.ACTIVE, clock.instant()))) {
            throw new Refusal("action.stale");
        }
        if (pausing) {
            tell(in, pair, NotificationKind.PAIR_PAUSED, "pairs.paused.other");
        } else {
            tell(in, pair, NotificationKind.PAIR_RESUMED, "pairs.resumed.other");
        }
        return Reply.text(in.t(pausing ? "pairs.paused" : "pairs.resumed", otherName(in, pair)));
    }

    private String otherName(Invocation in, Pair pair) {
        return profiles.find(pair.other(in.caller().id())).map(Profile::name).orElse("?");
    }

    private void tell(Invocation in, Pair pair, NotificationKind kind, String key) {
        profiles.find(pair.other(in.caller().id())).ifPresent(other -> {
            Messages m = Messages.of(other.effectiveLanguage());
            notifier.send(Notification.of(
                            other.id(),
                            kind,
                            m,
                            Reply.text(m.get(key, in.caller().name())))
                    .about(in.caller().id()));
        });
    }

    public static Block.Button scheduleButton(Pair pair, Messages m) {
        return new Block.Button(
                SCHEDULE, m.get("button.schedule"), ActionValue.of("pair", pair.id()), Block.ButtonStyle.PRIMARY);
    }
}
