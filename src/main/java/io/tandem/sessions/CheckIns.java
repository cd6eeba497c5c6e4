package io.tandem.sessions;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairActions;
import io.tandem.pairing.PairStore;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Check-ins after a session: "did you meet?" (yes / no / moved), usefulness 1–5, one thing learned, a private
 * note. "No" offers to plan another session. The prompt is sent by the nudges; the content and handling are here.
 */
@Component
public class CheckIns {

    static final String FORM = "mentoring.checkin.form";
    static final String SAVE = "mentoring.checkin.save";
    static final Duration ANSWERABLE_FOR = Duration.ofDays(30);
    private static final String NO_STEP = "none";

    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final Profiles profiles;
    private final Clock clock;
    private final List<SessionPlans> plans;

    public CheckIns(
            PairStore pairStore, SessionStore sessionStore, Profiles profiles, Clock clock, List<SessionPlans> plans) {
        this.plans = List.copyOf(plans);
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Sessions of the member that have ended, in the last 30 days, without their check-in; latest first. */
    public List<Session> pending(MemberId member) {
        return sessionStore.sessions(member).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .filter(s -> s.end().isBefore(clock.instant())
                        && s.end().isAfter(clock.instant().minus(ANSWERABLE_FOR)))
                .filter(s ->
                        sessionStore.checkIn(member.workspace(), s.id(), member).isEmpty())
                .sorted(Comparator.comparing(Session::start).reversed())
                .toList();
    }

    /** The message the nudges send when a session has ended. */
    public Reply prompt(Session session, MemberId member, Messages m) {
        String with =
                profiles.find(session.otherThan(member)).map(Profile::name).orElseGet(() -> m.get("member.former"));
        return Reply.builder()
                .text(m.get("checkin.prompt", with))
                .block(new Block.Section(
                        null,
                        null,
                        List.of(),
                        List.of(new Block.Button(
                                FORM,
                                m.get("button.checkin"),
                                ActionValue.of("session", session.id()),
                                Block.ButtonStyle.PRIMARY))))
                .build();
    }

    Reply form(Invocation in, Session session, Map<String, String> values, Map<String, String> errors) {
        Messages m = in.messages();
        String with = profiles.find(session.otherThan(in.caller().id()))
                .map(Profile::name)
                .orElseGet(() -> in.messages().get("member.former"));
        List<Block.Choice> met = List.of(
                new Block.Choice("yes", m.get("checkin.met.yes")),
                new Block.Choice("no", m.get("checkin.met.no")),
                new Block.Choice("moved", m.get("checkin.met.moved")));
        List<Block.Choice> scores = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new Block.Choice(String.valueOf(i), m.get("checkin.score." + i)))
                .toList();
        return Reply.builder()
                .block(new Block.Form(
                        SAVE,
                        m.get("checkin.title", with),
                        m.get("checkin.submit"),
                        Stream.concat(
                                        Stream.of(
                                                new Block.Input(
                                                        "met",
                                                        m.get("checkin.field.met"),
                                                        Block.InputType.SELECT,
                                                        true,
                                                        values.getOrDefault("met", "yes"),
                                                        "",
                                                        met),
                                                new Block.Input(
                                                        "usefulness",
                                                        m.get("checkin.field.usefulness"),
                                                        Block.InputType.SELECT,
                                                        false,
                                                        values.getOrDefault("usefulness", ""),
                                                        "",
                                                        scores),
                                                new Block.Input(
                                                        "learned",
                                                        m.get("checkin.field.learned"),
                                                        Block.InputType.TEXT,
                                                        false,
                                                        values.getOrDefault("learned", ""),
                                                        "",
                                                        null),
                                                new Block.Input(
                                                        "note",
                                                        m.get("checkin.field.note"),
                                                        Block.InputType.MULTILINE,
                                                        false,
                                                        values.getOrDefault("note", ""),
                                                        m.get("checkin.field.note-hint"),
                                                        null)),
                                        stepInput(in, session, values).stream())
                                .toList(),
                        errors,
                        ActionValue.of("session", session.id())))
                .build();
    }

    /** Steps of the pair's modules a check-in can mark done, when it follows one. */
    private List<Block.Input> stepInput(Invocation in, Session session, Map<String, String> values) {
        Optional<Pair> pair = pairStore
                .pair(in.caller().id().workspace(), session.pairId())
                .filter(p -> p.status() == Pair.Status.ACTIVE);
        List<Block.Choice> steps = new ArrayList<>();
        pair.ifPresent(p -> plans.forEach(plan -> steps.addAll(plan.steps(p, in.messages()))));
        if (steps.isEmpty()) {
            return List.of();
        }
        steps.add(new Block.Choice(NO_STEP, in.t("checkin.step.none")));
        return List.of(new Block.Input(
                "step",
                in.t("checkin.field.step"),
                Block.InputType.SELECT,
                false,
                values.getOrDefault("step", NO_STEP),
                "",
                steps));
    }

    Reply save(Invocation in) {
        Session session = ActionValue.parse(in.action().value())
                .get("session")
                .flatMap(id -> sessionStore.session(in.caller().id().workspace(), id))
                .filter(s -> s.involves(in.caller().id()))
                .orElseThrow(() -> new Refusal("action.stale"));
        if (sessionStore
                .checkIn(in.caller().id().workspace(), session.id(), in.caller().id())
                .isPresent()) {
            throw new Refusal("checkin.already");
        }
        Messages m = in.messages();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CheckIn.Met> met = switch (in.action().field("met").toLowerCase(Locale.ROOT)) {
            case "yes", "oui" -> Optional.of(CheckIn.Met.YES);
            case "no", "non" -> Optional.of(CheckIn.Met.NO);
            case "moved", "deplacee", "déplacée" -> Optional.of(CheckIn.Met.MOVED);
            default -> Optional.empty();
        };
        if (met.isEmpty()) {
            errors.put("met", m.get("checkin.error.met"));
        }
        int usefulness = 0;
        String score = in.action().field("usefulness");
        if (!score.isEmpty()) {
            usefulness = score.matches("[1-5]") ? Integer.parseInt(score) : -1;
            if (usefulness < 0) {
                errors.put("usefulness", m.get("checkin.error.usefulness"));
            }
        }
        for (String field : List.of("learned", "note")) {
            String tooLong = TextLimit.NOTE.problem(in.action().field(field), m);
            if (tooLong != null) {
                errors.put(field, tooLong);
            }
        }
        if (!errors.isEmpty()) {
            return form(in, session, in.action().fields(), errors);
        }
        sessionStore.save(new CheckIn(
                session.id(),
                in.caller().id(),
                met.get(),
                Math.max(0, usefulness),
                in.action().field("learned"),
                in.action().field("note"),
                clock.instant()));
        Reply.Builder reply = Reply.builder().text(m.get("checkin.thanks"));
        String step = in.action().field("step");
        if (met.get() == CheckIn.Met.YES && !step.isEmpty() && !step.equals(NO_STEP)) {
            pairStore
                    .pair(in.caller().id().workspace(), session.pairId())
                    .filter(p -> p.status() == Pair.Status.ACTIVE)
                    .ifPresent(pair -> plans.stream()
                            .map(plan -> plan.done(pair, step, m))
                            .flatMap(Optional::stream)
                            .forEach(line -> reply.section(null, line)));
        }
        if (met.get() != CheckIn.Met.YES) {
            pairStore
                    .pair(in.caller().id().workspace(), session.pairId())
                    .filter(p -> p.status() == Pair.Status.ACTIVE)
                    .ifPresent(pair -> reply.block(new Block.Section(
                            null,
                            m.get("checkin.reschedule"),
                            List.of(),
                            List.of(PairActions.scheduleButton(pair, m)))));
        }
        return reply.build();
    }

    /** {@code /mentor checkin}: the latest session waiting for my check-in, as a form. */
    Reply latest(Invocation in) {
        List<Session> waiting = pending(in.caller().id());
        return waiting.isEmpty() ? Reply.text(in.t("checkin.none")) : form(in, waiting.get(0), Map.of(), Map.of());
    }

    /** The Check in button of the prompt. */
    Reply formForSession(Invocation in) {
        Session session = ActionValue.parse(in.action().value())
                .get("session")
                .flatMap(id -> sessionStore.session(in.caller().id().workspace(), id))
                .filter(s -> s.involves(in.caller().id()))
                .orElseThrow(() -> new Refusal("action.stale"));
        return form(in, session, Map.of(), Map.of());
    }
}
