package io.tandem.mentoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.tandem.engine.ActionHandler;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Arguments;
import io.tandem.engine.Block;
import io.tandem.engine.Command;
import io.tandem.engine.CommandSpec;
import io.tandem.engine.Invocation;
import io.tandem.engine.Messages;
import io.tandem.engine.PersonRef;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;

/** The commands and buttons of the mentoring flow: request, pairs, end, schedule, sessions, reschedule, cancel. */
final class FlowCommands {

    private FlowCommands() {
    }

    static PersonRef person(Invocation in, String usageKey) {
        List<PersonRef> people = in.args().people();
        if (people.isEmpty()) {
            throw new Refusal(usageKey);
        }
        return people.get(0);
    }

    /** {@code /mentor request @person <skill> [message]}: the longest run of words that is a known skill. */
    @Component
    @Order(35)
    static class Request implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("request", "request", "ask-mentor", "solliciter");
        private final Profiles profiles;
        private final Requests requests;
        private final SkillCatalog catalog;

        Request(Profiles profiles, Requests requests, SkillCatalog catalog) {
            this.profiles = profiles;
            this.requests = requests;
            this.catalog = catalog;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            Profile mentor = profiles.resolve(in, person(in, "request.usage"));
            String rest = in.args().withoutPeople();
            if (rest.isBlank()) {
                throw new Refusal("request.usage");
            }
            String[] words = rest.split(" ");
            for (int n = Math.min(4, words.length); n >= 1; n--) {
                String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
                Optional<SkillMatch> match = catalog.resolve(candidate);
                if (match.isPresent() && match.get() instanceof SkillMatch.Known known) {
                    String message = String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length));
                    return requests.ask(in, mentor, known.id(), message);
                }
            }
            SkillMatch tag = catalog.resolve(words[0]).orElseThrow(() -> new Refusal("skill.invalid", words[0]));
            String message = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
            return requests.ask(in, mentor, tag.id(), message);
        }
    }

    /** {@code /mentor pairs}: mine, with status and what to do next. */
    @Component
    @Order(36)
    static class Pairs implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("pairs", "pairs", "binomes", "binome");
        private final Profiles profiles;
        private final MentoringStore store;
        private final ProfileView view;

        Pairs(Profiles profiles, MentoringStore store, ProfileView view) {
            this.profiles = profiles;
            this.store = store;
            this.view = view;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            Messages m = in.messages();
            List<Pair> pairs = store.pairs(in.caller().id());
            List<MentoringRequest> pending = store.pending(in.caller().id());
            if (pairs.isEmpty() && pending.isEmpty()) {
                return Reply.text(m.get("pairs.none"));
            }
            Reply.Builder reply = Reply.builder().text(m.get("pairs.heading"));
            for (Pair p : pairs) {
                String other = profiles.find(p.other(in.caller().id())).map(Profile::name).orElse("?");
                boolean mentor = p.mentor().equals(in.caller().id());
                String role = m.get(mentor ? "pairs.role.mentor" : "pairs.role.mentee", other,
                        view.skills(p.skills(), m.language()));
                String back = p.reverse().isEmpty() ? null
                        : m.get("pairs.reverse", view.skills(p.reverse(), m.language()));
                List<Block.Button> buttons = new java.util.ArrayList<>();
                String value = ActionValue.of("pair", p.id());
                if (p.status() == Pair.Status.ACTIVE) {
                    buttons.add(Sessions.scheduleButton(p, m));
                    buttons.add(new Block.Button(PairActions.PAUSE, m.get("button.pause-pair"), value, null));
                    buttons.add(new Block.Button(PairActions.END, m.get("button.end-pair"), value,
                            Block.ButtonStyle.DANGER));
                } else if (p.status() == Pair.Status.PAUSED) {
                    buttons.add(new Block.Button(PairActions.RESUME, m.get("button.resume-pair"), value, null));
                    buttons.add(new Block.Button(PairActions.END, m.get("button.end-pair"), value,
                            Block.ButtonStyle.DANGER));
                }
                reply.block(new Block.Section(role, back, List.of(new Block.Field(m.get("pairs.field.status"),
                        m.get("pairs.status." + p.status().name().toLowerCase(java.util.Locale.ROOT)))), buttons));
            }
            if (!pending.isEmpty()) {
                reply.items(m.get("pairs.pending"), pending.stream().map(r -> {
                    boolean asked = r.mentee().equals(in.caller().id());
                    String other = profiles.find(asked ? r.mentor() : r.mentee()).map(Profile::name).orElse("?");
                    return m.get(asked ? "pairs.pending.sent" : "pairs.pending.received", other,
                            view.skill(r.skill(), m.language()));
                }).toList());
            }
            return reply.build();
        }
    }

    /** {@code /mentor end @person [feedback]}: ends the pair; the feedback stays private. */
    @Component
    @Order(37)
    static class End implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("end", "end", "terminer", "finir");
        private final Profiles profiles;
        private final PairActions pairs;

        End(Profiles profiles, PairActions pairs) {
            this.profiles = profiles;
            this.pairs = pairs;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            Profile other = profiles.resolve(in, person(in, "end.usage"));
            return pairs.end(in, pairs.with(in, other), in.args().withoutPeople());
        }
    }

    /** {@code /mentor schedule @person <when> [duration] [topic]}; with nothing after it, a form. */
    @Component
    @Order(38)
    static class Schedule implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("schedule", "schedule", "planifier", "planning");
        private final Profiles profiles;
        private final Sessions sessions;

        Schedule(Profiles profiles, Sessions sessions) {
            this.profiles = profiles;
            this.sessions = sessions;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            if (in.args().isEmpty()) {
                return sessions.form(in, Optional.empty(), Map.of(), Map.of());
            }
            Profile other = profiles.resolve(in, person(in, "session.usage"));
            String when = in.args().withoutPeople();
            if (when.isBlank()) {
                throw new Refusal("session.usage");
            }
            return sessions.schedule(in, other, when);
        }
    }

    @Component
    @Order(39)
    static class SessionsList implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("sessions", "sessions", "seances", "rdv");
        private final Sessions sessions;

        SessionsList(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            return sessions.list(in);
        }
    }

    @Component
    @Order(40)
    static class Reschedule implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("reschedule", "reschedule", "replanifier",
                "deplacer");
        private final Sessions sessions;

        Reschedule(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            Arguments args = in.args();
            if (args.firstWord().isEmpty() || args.afterFirstWord().isEmpty()) {
                throw new Refusal("reschedule.usage");
            }
            return sessions.reschedule(in, args.firstWord(), args.afterFirstWord());
        }
    }

    @Component
    @Order(41)
    static class Cancel implements Command {
        private static final CommandSpec SPEC = CommandSpec.mentor("cancel", "cancel", "annuler");
        private final Sessions sessions;

        Cancel(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public CommandSpec spec() {
            return SPEC;
        }

        @Override
        public Reply run(Invocation in) {
            if (in.args().isEmpty()) {
                throw new Refusal("cancel.usage");
            }
            return sessions.cancel(in, sessions.mine(in, in.args().firstWord()));
        }
    }

    // ---- buttons

    @Component
    static class ScheduleForm implements ActionHandler {
        private final Sessions sessions;
        private final MentoringStore store;

        ScheduleForm(Sessions sessions, MentoringStore store) {
            this.sessions = sessions;
            this.store = store;
        }

        @Override
        public String actionId() {
            return Sessions.FORM;
        }

        @Override
        public Reply handle(Invocation in) {
            Pair pair = ActionValue.parse(in.action().value()).get("pair")
                    .flatMap(id -> store.pair(in.caller().id().workspace(), id))
                    .filter(p -> p.involves(in.caller().id()) && p.status() == Pair.Status.ACTIVE)
                    .orElseThrow(() -> new Refusal("action.stale"));
            return sessions.form(in, Optional.of(pair), Map.of(), Map.of());
        }
    }

    @Component
    static class ScheduleSave implements ActionHandler {
        private final Sessions sessions;

        ScheduleSave(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public String actionId() {
            return Sessions.SAVE;
        }

        @Override
        public Reply handle(Invocation in) {
            return sessions.save(in);
        }
    }

    @Component
    static class CancelButton implements ActionHandler {
        private final Sessions sessions;

        CancelButton(Sessions sessions) {
            this.sessions = sessions;
        }

        @Override
        public String actionId() {
            return Sessions.CANCEL;
        }

        @Override
        public Reply handle(Invocation in) {
            Session session = ActionValue.parse(in.action().value()).get("session")
                    .flatMap(id -> sessions.session(in, id)).filter(s -> s.status() == Session.Status.SCHEDULED)
                    .orElseThrow(() -> new Refusal("action.stale"));
            return sessions.cancel(in, session);
        }
    }
}
