package io.tandem.sessions;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Once;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Scheduling a session with one's pair, from a command ({@code /mentor schedule @bob tomorrow 15:00 1h SEO audit})
 * or the form, read in the organizer's timezone; also the booking rules that rescheduling follows (the when read
 * the same way, the same pair at the same start refused).
 */
@Component
class SchedulingSession {

    static final String FORM = PairActions.SCHEDULE;
    static final String SAVE = "mentoring.schedule.save";
    private static final List<String> DURATIONS = List.of("30m", "45m", "1h", "1h30", "2h");

    private final Profiles profiles;
    private final PairStore pairStore;
    private final SessionStore sessionStore;
    private final SessionNotices notices;
    private final Clock clock;
    private final WhenParser when;
    private final List<SessionEvents> events;
    private final Once once;
    private final List<SessionPlans> plans;

    /** How long a booked slot is held against a concurrent booking of the same one, until the store shows it. */
    private static final Duration SLOT_HELD = Duration.ofMinutes(1);

    SchedulingSession(
            Profiles profiles,
            PairStore pairStore,
            SessionStore sessionStore,
            SessionNotices notices,
            Clock clock,
            List<SessionEvents> events,
            Once once,
            List<SessionPlans> plans) {
        this.plans = List.copyOf(plans);
        this.events = List.copyOf(events);
        this.once = once;
        this.profiles = profiles;
        this.pairStore = pairStore;
        this.sessionStore = sessionStore;
        this.notices = notices;
        this.clock = clock;
        this.when = new WhenParser(clock);
    }

    /** {@code /mentor schedule @person <when> [duration] [topic]}. */
    Reply schedule(Invocation in, Profile other, String text) {
        Pair pair = openPair(in, other);
        return book(in, pair, other, parse(in, text));
    }

    /** The form: with a pair chosen (from a button), or a choice of my open pairs (from the bare command). */
    Reply form(Invocation in, Optional<Pair> chosen, Map<String, String> values, Map<String, String> errors) {
        Messages m = in.messages();
        List<Block.Input> inputs = new ArrayList<>();
        if (chosen.isEmpty()) {
            List<Block.Choice> people = new ArrayList<>();
            for (Pair p : pairStore.pairs(in.caller().id())) {
                if (p.status() == Pair.Status.ACTIVE) {
                    MemberId other = p.other(in.caller().id());
                    people.add(new Block.Choice(
                            p.id(), profiles.find(other).map(Profile::name).orElse(other.user())));
                }
            }
            if (people.isEmpty()) {
                throw new Refusal("session.no-pairs");
            }
            inputs.add(new Block.Input(
                    "pair",
                    m.get("session.field.with"),
                    Block.InputType.SELECT,
                    true,
                    values.getOrDefault("pair", ""),
                    "",
                    people));
        }
        ZonedDateTime soon =
                ZonedDateTime.now(clock).withZoneSameInstant(in.caller().zone()).plusDays(1);
        inputs.add(new Block.Input(
                "date",
                m.get("session.field.date"),
                Block.InputType.DATE,
                true,
                values.getOrDefault("date", soon.toLocalDate().toString()),
                "",
                null));
        inputs.add(new Block.Input(
                "time",
                m.get("session.field.time"),
                Block.InputType.TIME,
                true,
                values.getOrDefault("time", "10:00"),
                "",
                null));
        inputs.add(new Block.Input(
                "duration",
                m.get("session.field.duration"),
                Block.InputType.SELECT,
                true,
                values.getOrDefault("duration", "45m"),
                "",
                DURATIONS.stream().map(d -> new Block.Choice(d, d)).toList()));
        inputs.add(new Block.Input(
                "topic",
                m.get("session.field.topic"),
                Block.InputType.TEXT,
                false,
                values.getOrDefault(
                        "topic", chosen.flatMap(p -> proposedTopic(p, m)).orElse("")),
                m.get("session.field.topic-hint"),
                null));
        return Reply.builder()
                .block(new Block.Form(
                        SAVE,
                        m.get("session.form.title"),
                        m.get("session.form.submit"),
                        inputs,
                        errors,
                        chosen.map(p -> ActionValue.of("pair", p.id())).orElse("")))
                .build();
    }

    /** The form's submission: each field checked, errors shown under the fields. */
    Reply save(Invocation in) {
        Messages m = in.messages();
        Map<String, String> errors = new LinkedHashMap<>();
        String pairId = ActionValue.parse(in.action().value())
                .get("pair")
                .orElse(in.action().field("pair"));
        Optional<Pair> pair = pairStore
                .pair(in.caller().id().workspace(), pairId)
                .filter(p -> p.involves(in.caller().id()) && p.status() == Pair.Status.ACTIVE);
        if (pair.isEmpty()) {
            errors.put("pair", m.get("session.not-paired.short"));
        }
        ZoneId zone = in.caller().zone();
        ZonedDateTime start = null;
        try {
            start = ZonedDateTime.ofLocal(
                    LocalDate.parse(in.action().field("date"))
                            .atTime(LocalTime.parse(in.action().field("time"))),
                    zone,
                    null);
        } catch (DateTimeParseException e) {
            errors.put("date", m.get("session.when.unreadable.short"));
        }
        Optional<Duration> duration = WhenParser.duration(in.action().field("duration"));
        if (duration.isEmpty() || duration.get().compareTo(WhenParser.MAX_DURATION) > 0) {
            errors.put("duration", m.get("session.when.too-long"));
        }
        if (start != null && start.toInstant().isBefore(clock.instant())) {
            errors.put("date", m.get("session.when.past.short"));
        }
        String topic = in.action().field("topic");
        String tooLong = TextLimit.TOPIC.problem(topic, m);
        if (tooLong != null) {
            errors.put("topic", tooLong);
        }
        if (!errors.isEmpty()) {
            return form(
                    in,
                    ActionValue.parse(in.action().value()).get("pair").flatMap(id -> pair),
                    in.action().fields(),
                    errors);
        }
        Profile other =
                profiles.find(pair.get().other(in.caller().id())).orElseThrow(() -> new Refusal("action.stale"));
        return book(in, pair.get(), other, new WhenParser.Parsed(start, duration.get(), topic));
    }

    /** The Schedule button of a pair: the form, for that pair. */
    Reply formForPair(Invocation in) {
        Pair pair = ActionValue.parse(in.action().value())
                .get("pair")
                .flatMap(id -> pairStore.pair(in.caller().id().workspace(), id))
                .filter(p -> p.involves(in.caller().id()) && p.status() == Pair.Status.ACTIVE)
                .orElseThrow(() -> new Refusal("action.stale"));
        return form(in, Optional.of(pair), Map.of(), Map.of());
    }

    private Pair openPair(Invocation in, Profile other) {
        if (other.id().equals(in.caller().id())) {
            throw new Refusal("session.self");
        }
        Pair pair = pairStore.pairs(in.caller().id()).stream()
                .filter(p -> p.open() && p.involves(other.id()))
                .findFirst()
                .orElseThrow(() -> new Refusal("session.not-paired", other.name()));
        if (pair.status() == Pair.Status.PAUSED) {
            throw new Refusal("session.paused", other.name());
        }
        return pair;
    }

    /** The when of a schedule line, read in the caller's timezone; refused with the reason when unreadable. */
    WhenParser.Parsed parse(Invocation in, String text) {
        WhenParser.Result result = when.parse(text, in.caller().zone());
        if (result instanceof WhenParser.Parsed parsed) {
            return parsed;
        }
        WhenParser.Failed failed = (WhenParser.Failed) result;
        throw switch (failed.problem()) {
            case IN_THE_PAST -> new Refusal("session.when.past", failed.detail());
            case TOO_LONG -> new Refusal("session.when.too-long");
            case NO_TIME -> new Refusal("session.when.no-time", failed.detail());
            case UNREADABLE -> new Refusal("session.when.unreadable", failed.detail());
        };
    }

    /**
     * Books a session. The same pair at the same start is refused, also when two requests race (the slot is held
     * in the shared store before the session is saved); an overlap with another session of either member is
     * booked with a warning (another person's sessions are never described).
     */
    private Reply book(Invocation in, Pair pair, Profile other, WhenParser.Parsed typed) {
        TextLimit.TOPIC.check(typed.topic());
        Optional<String> proposed = typed.topic() == null || typed.topic().isBlank()
                ? proposedTopic(pair, in.messages())
                : Optional.empty();
        WhenParser.Parsed parsed = proposed.map(t -> new WhenParser.Parsed(typed.start(), typed.duration(), t))
                .orElse(typed);
        Session session = new Session(
                UUID.randomUUID().toString(),
                pair.id(),
                in.caller().id(),
                other.id(),
                parsed.start().toInstant(),
                parsed.duration(),
                parsed.topic(),
                parsed.start().getZone(),
                0,
                Session.Status.SCHEDULED,
                UUID.randomUUID().toString().replace("-", "")
                        + UUID.randomUUID().toString().replace("-", ""),
                clock.instant());
        List<Session> mine = upcoming(in.caller().id());
        refuseDuplicate(in, session, mine, other.name());
        String slot = slot(session);
        if (!once.first(slot, SLOT_HELD)) {
            throw duplicate(in, session, other.name());
        }
        try {
            sessionStore.save(session);
        } catch (RuntimeException e) {
            once.forget(slot);
            throw e;
        }
        events.forEach(e -> e.changed(session));
        notices.tell(session, in.caller().id(), NotificationKind.SESSION_SCHEDULED, "session.scheduled");
        Reply.Builder reply = Reply.builder()
                .text(in.t(
                        "session.scheduled.done",
                        other.name(),
                        SessionNotices.when(session, in.caller().zone(), in.messages())))
                .block(new Block.Section(
                        null,
                        in.t("session.calendar", notices.calendarUrl(session)),
                        List.of(new Block.Field(in.t("session.field.id"), session.shortId())),
                        List.of()));
        proposed.ifPresent(topic -> reply.section(null, in.t("session.topic.proposed", topic)));
        overlapWarning(in, session, mine, other).ifPresent(warning -> reply.section(null, warning));
        return reply.build();
    }

    /** The next step's topic of a module the pair follows, if any. */
    private Optional<String> proposedTopic(Pair pair, Messages m) {
        return plans.stream()
                .map(p -> p.nextTopic(pair, m.language()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The member's scheduled sessions that have not ended. */
    List<Session> upcoming(MemberId member) {
        Instant now = clock.instant();
        return sessionStore.sessions(member).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED && s.end().isAfter(now))
                .toList();
    }

    /** The same pair at the same start, other than the session itself, is refused. */
    void refuseDuplicate(Invocation in, Session session, List<Session> mine, String otherName) {
        if (mine.stream()
                .anyMatch(s -> !s.id().equals(session.id())
                        && s.pairId().equals(session.pairId())
                        && s.start().equals(session.start()))) {
            throw duplicate(in, session, otherName);
        }
    }

    private Refusal duplicate(Invocation in, Session session, String otherName) {
        return new Refusal(
                "session.duplicate",
                otherName,
                SessionNotices.when(session, in.caller().zone(), in.messages()));
    }

    /** Key of the shared guard against two bookings of one pair at one start. */
    static String slot(Session s) {
        return "session-slot:" + s.organizer().workspace() + ":" + s.pairId() + ":"
                + s.start().toEpochMilli();
    }

    private Optional<String> overlapWarning(Invocation in, Session session, List<Session> mine, Profile other) {
        Optional<Session> clash = mine.stream()
                .filter(s -> !s.id().equals(session.id()) && overlaps(s, session))
                .findFirst();
        if (clash.isPresent()) {
            MemberId with = clash.get().otherThan(in.caller().id());
            String name = profiles.find(with).map(Profile::name).orElseGet(() -> in.t("member.former"));
            return Optional.of(in.t(
                    "session.overlap.mine",
                    name,
                    SessionNotices.when(clash.get(), in.caller().zone(), in.messages())));
        }
        boolean theirs = upcoming(other.id()).stream()
                .anyMatch(s ->
                        !s.id().equals(session.id()) && !s.involves(in.caller().id()) && overlaps(s, session));
        return theirs ? Optional.of(in.t("session.overlap.theirs", other.name())) : Optional.empty();
    }

    private static boolean overlaps(Session a, Session b) {
        return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
    }
}
