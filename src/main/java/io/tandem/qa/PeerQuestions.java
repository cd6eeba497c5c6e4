package io.tandem.qa;

import io.tandem.config.TandemProperties;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.moderation.Moderation;
import io.tandem.moderation.SendingLimit;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asking, routing and answering. A question goes to up to {@code tandem.qa.experts-per-question} members who teach
 * the skill (never the asker, never a paused member), those asked least so far first, so the same experts are
 * not asked every time. Answers are relayed to the asker; marking one helpful thanks its author.
 */
@Component
public class PeerQuestions {

    static final String ANSWER = "qa.answer";
    static final String ANSWER_SAVE = "qa.answer.save";
    static final String PASS = "qa.pass";
    static final String HELPFUL = "qa.helpful";
    private static final int CANDIDATES_PER_BAND = 50;
    /** How often a question nobody teaches is looked at again, for a first teacher. */
    static final Duration RECHECK = Duration.ofHours(1);
    /** How long a question nobody can answer keeps waiting for someone to add the skill. */
    static final Duration GIVE_UP = Duration.ofDays(30);

    private static final int ESCALATIONS_PER_RUN = 500;

    private final QuestionStore questions;
    private final ProfileStore profileStore;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final Programme programme;
    private final int expertsPerQuestion;
    private final SendingLimit limit;
    private final java.util.function.Function<String, Duration> escalateAfter;

    /** Questions escalate after the workspace's {@code escalate-after} setting. */
    public PeerQuestions(
            QuestionStore questions,
            ProfileStore profileStore,
            Profiles profiles,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            Programme programme,
            TandemProperties properties,
            SendingLimit limit,
            io.tandem.programme.ProgrammeSettings settings) {
        this.limit = limit;
        this.programme = programme;
        this.escalateAfter = settings::escalateAfter;
        this.questions = questions;
        this.profileStore = profileStore;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
        this.expertsPerQuestion = properties.qa().expertsPerQuestion();
    }

    public Reply ask(Invocation in, String skill, String text, boolean anonymous) {
        TextLimit.QUESTION.check(text);
        MemberId asker = in.caller().id();
        limit.spend(asker);
        List<MemberId> experts = experts(asker, skill);
        Question question =
                new Question(UUID.randomUUID().toString(), asker, anonymous, skill, text, clock.instant(), experts);
        questions.save(question);
        send(question, experts);
        // nobody to ask: look again soon, for the first colleague who adds the skill
        questions.waitUntil(
                question,
                experts.isEmpty()
                        ? question.createdAt()
                        : question.createdAt().plus(escalateAfter.apply(question.workspace())));
        String skillName = view.skill(skill, in.messages().language());
        if (experts.isEmpty()) {
            return Reply.text(in.t("qa.asked.nobody", skillName));
        }
        return Reply.text(in.t(anonymous ? "qa.asked.anonymous" : "qa.asked", experts.size(), skillName));
    }

    /** An expert passes: the question goes to the next expert not yet asked, if there is one. */
    Reply pass(Invocation in, Question q) {
        if (!q.routedTo().contains(in.caller().id())) {
            throw new Refusal("action.stale");
        }
        List<MemberId> next = experts(q.asker(), q.skill(), q.routedTo(), 1);
        if (!next.isEmpty()) {
            Question rerouted = q.routedAlsoTo(next);
            questions.save(rerouted);
            send(rerouted, next);
        }
        return Reply.text(in.t("qa.passed"));
    }

    private void send(Question q, List<MemberId> experts) {
        send(q, experts, notifier);
    }

    private void send(Question q, List<MemberId> experts, Notifier via) {
        for (MemberId expert : experts) {
            questions.addLoad(expert);
            Messages m = Messages.of(
                    profiles.find(expert).map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
            via.send(Notification.of(expert, NotificationKind.QUESTION, m, toExpert(q, m))
                    .about(q.asker()));
        }
    }

    /**
     * Questions still waiting for an answer: one nobody could be asked goes to the first colleague who now teaches
     * the skill; after {@code tandem.qa.escalate-after} without an answer, a question goes to the next experts and
     * to the programme channel, if there is one (an anonymous question stays anonymous there). Run by the nudges;
     * returns how many were escalated.
     */
    public int escalateDue(String workspace) {
        return escalateDue(workspace, notifier);
    }

    /** As {@link #escalateDue(String)}, telling experts and the channel through {@code via}. */
    public int escalateDue(String workspace, Notifier via) {
        Instant now = clock.instant();
        int escalated = 0;
        for (Question waiting : questions.waitingDue(workspace, now, ESCALATIONS_PER_RUN)) {
            if (waiting.hidden() || !questions.answers(workspace, waiting.id()).isEmpty()) {
                questions.stopWaiting(waiting);
                continue;
            }
            Question q = waiting;
            if (q.routedTo().isEmpty()) {
                List<MemberId> first = experts(q.asker(), q.skill());
                q = q.routedAlsoTo(first);
                send(q, first, via);
            }
            if (q.escalatedAt() == null && !now.isBefore(q.createdAt().plus(escalateAfter.apply(workspace)))) {
                List<MemberId> next = experts(q.asker(), q.skill(), q.routedTo(), expertsPerQuestion);
                q = q.routedAlsoTo(next).escalated(now);
                send(q, next, via);
                Question posted = q;
                programme
                        .channel(workspace)
                        .ifPresent(channel -> via.send(Notification.of(
                                        channel,
                                        NotificationKind.QUESTION_ESCALATED,
                                        Messages.of(programme.language(workspace)),
                                        toChannel(posted))
                                .about(posted.asker())));
                escalated++;
            }
            questions.save(q);
            if (q.routedTo().isEmpty() && now.isBefore(q.createdAt().plus(GIVE_UP))) {
                questions.waitUntil(q, now.plus(RECHECK));
            } else if (q.escalatedAt() == null) {
                questions.waitUntil(q, q.createdAt().plus(escalateAfter.apply(workspace)));
            } else {
                questions.stopWaiting(q);
            }
        }
        return escalated;
    }

    /** The programme channel's post: the question, who asked only if they said, and a way to answer. */
    private Reply toChannel(Question q) {
        Messages m = Messages.of(programme.language(q.workspace()));
        String from = q.anonymous()
                ? m.get("qa.from.anonymous")
                : profiles.find(q.asker()).map(Profile::name).orElseGet(() -> m.get("member.former"));
        String value = ActionValue.of("question", q.id());
        return Reply.builder()
                .text(m.get("qa.escalated", from, view.skill(q.skill(), m.language())))
                .block(new Block.Section(
                        null,
                        q.text(),
                        List.of(new Block.Field(m.get("qa.field.id"), q.shortId())),
                        List.of(
                                new Block.Button(ANSWER, m.get("button.answer"), value, Block.ButtonStyle.PRIMARY),
                                Moderation.reportButton(QuestionModeration.QUESTION, q.id(), m))))
                .build();
    }

    private List<MemberId> experts(MemberId asker, String skill) {
        return experts(asker, skill, List.of(), expertsPerQuestion);
    }

    /** Teachers of the skill, least asked first; never the asker, never paused (the index holds no paused). */
    private List<MemberId> experts(MemberId asker, String skill, List<MemberId> already, int count) {
        List<MemberId> candidates = profileStore.teachers(asker.workspace(), skill, CANDIDATES_PER_BAND).stream()
                .filter(m -> !m.equals(asker) && !already.contains(m))
                .toList();
        Map<MemberId, Long> load = questions.load(candidates);
        List<MemberId> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.<MemberId>comparingLong(m -> load.getOrDefault(m, 0L))
                .thenComparing(MemberId::toString));
        return List.copyOf(ordered.subList(0, Math.min(count, ordered.size())));
    }

    /** What an expert sees: the question, and who asked only if the asker chose to say. */
    private Reply toExpert(Question q, Messages m) {
        // the anonymous sentence is its own text: "a colleague (anonymous)" cannot simply open a sentence
        String skill = view.skill(q.skill(), m.language());
        String intro = q.anonymous()
                ? m.get("qa.to-expert.anonymous", skill)
                : m.get(
                        "qa.to-expert",
                        profiles.find(q.asker()).map(Profile::name).orElseGet(() -> m.get("member.former")),
                        skill);
        String value = ActionValue.of("question", q.id());
        return Reply.builder()
                .text(intro)
                .block(new Block.Section(
                        null,
                        q.text(),
                        List.of(new Block.Field(m.get("qa.field.id"), q.shortId())),
                        List.of(
                                new Block.Button(ANSWER, m.get("button.answer"), value, Block.ButtonStyle.PRIMARY),
                                new Block.Button(PASS, m.get("button.pass"), value, null),
                                Moderation.reportButton(QuestionModeration.QUESTION, q.id(), m))))
                .build();
    }

    Reply answerForm(Invocation in, Question q) {
        if (q.hidden()) {
            throw new Refusal("qa.hidden");
        }
        return Reply.builder()
                .block(new Block.Form(
                        ANSWER_SAVE,
                        in.t("qa.answer.title"),
                        in.t("button.answer"),
                        List.of(new Block.Input(
                                "answer",
                                q.text().length() > 150 ? q.text().substring(0, 149) + "…" : q.text(),
                                Block.InputType.MULTILINE,
                                true,
                                "",
                                in.t("qa.answer.hint"),
                                null)),
                        Map.of(),
                        ActionValue.of("question", q.id())))
                .build();
    }

    /** Saves an answer and relays it to the asker, with the answerer's name and a Helpful button. */
    public Reply answer(Invocation in, Question q, String text) {
        if (text.isBlank()) {
            throw new Refusal("qa.answer.empty");
        }
        TextLimit.ANSWER.check(text);
        if (q.asker().equals(in.caller().id())) {
            throw new Refusal("qa.answer.own");
        }
        if (q.hidden()) {
            throw new Refusal("qa.hidden");
        }
        limit.spend(in.caller().id());
        Answer answer = new Answer(
                UUID.randomUUID().toString(), q.id(), in.caller().id(), text.strip(), clock.instant(), false);
        questions.save(answer);
        questions.stopWaiting(q);
        Optional<Profile> asker = profiles.find(q.asker());
        Messages m = Messages.of(asker.map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
        notifier.send(Notification.of(
                        q.asker(),
                        NotificationKind.ANSWER,
                        m,
                        Reply.builder()
                                .text(m.get("qa.answered", in.caller().name(), view.skill(q.skill(), m.language())))
                                .block(new Block.Section(
                                        q.text(),
                                        answer.text(),
                                        List.of(),
                                        List.of(
                                                new Block.Button(
                                                        HELPFUL,
                                                        m.get("button.helpful"),
                                                        ActionValue.of("answer", answer.id()),
                                                        Block.ButtonStyle.PRIMARY),
                                                Moderation.reportButton(QuestionModeration.ANSWER, answer.id(), m))))
                                .build())
                .about(in.caller().id()));
        return Reply.text(in.t("qa.answer.sent"));
    }

    /** The asker marks an answer helpful: its author is thanked, and it counts for contributor stats. */
    Reply helpful(Invocation in, Answer answer) {
        Question q = questions
                .question(in.caller().id().workspace(), answer.questionId())
                .filter(question -> question.asker().equals(in.caller().id()))
                .orElseThrow(() -> new Refusal("action.stale"));
        if (answer.helpful()) {
            return Reply.text(in.t("qa.helpful.already"));
        }
        if (answer.hidden()) {
            throw new Refusal("qa.hidden");
        }
        questions.save(answer.markedHelpful());
        questions.countHelpful(answer.author());
        questions.close(q);
        Optional<Profile> author = profiles.find(answer.author());
        Messages m = Messages.of(author.map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
        // the thanks never names an anonymous asker
        String skill = view.skill(q.skill(), m.language());
        String thanks = q.anonymous()
                ? m.get("qa.thanks.anonymous", skill)
                : m.get("qa.thanks", in.caller().name(), skill);
        notifier.send(Notification.of(answer.author(), NotificationKind.ANSWER_HELPFUL, m, Reply.text(thanks))
                .about(in.caller().id()));
        return Reply.text(in.t("qa.helpful.done"));
    }

    /** {@code /mentor questions}: open questions about what I teach (not mine). */
    Reply openForMe(Invocation in) {
        Profile me = profiles.mine(in);
        List<Question> open = questions.open(me.id().workspace(), me.teaches()).stream()
                .filter(q -> !q.asker().equals(me.id()))
                .limit(10)
                .toList();
        if (open.isEmpty()) {
            return Reply.text(in.t(me.teaches().isEmpty() ? "qa.questions.no-skills" : "qa.questions.none"));
        }
        Reply.Builder reply = Reply.builder().text(in.t("qa.questions.heading"));
        for (Question q : open) {
            String from = q.anonymous()
                    ? in.t("qa.from.anonymous")
                    : profiles.find(q.asker())
                            .map(Profile::name)
                            .orElseGet(() -> in.messages().get("member.former"));
            reply.block(new Block.Section(
                    view.skill(q.skill(), in.messages().language()) + " · " + from,
                    q.text(),
                    List.of(new Block.Field(in.t("qa.field.id"), q.shortId())),
                    List.of(new Block.Button(
                            ANSWER,
                            in.t("button.answer"),
                            ActionValue.of("question", q.id()),
                            Block.ButtonStyle.PRIMARY))));
        }
        return reply.build();
    }

    /** {@code /mentor my-questions}: mine, with their answers. */
    Reply mine(Invocation in) {
        List<Question> mine = questions.askedBy(in.caller().id());
        if (mine.isEmpty()) {
            return Reply.text(in.t("qa.mine.none"));
        }
        Reply.Builder reply = Reply.builder().text(in.t("qa.mine.heading"));
        for (Question q : mine.stream().limit(10).toList()) {
            if (q.hidden()) {
                reply.items(q.text(), List.of(in.t("qa.mine.hidden")));
                continue;
            }
            List<String> lines = questions.answers(q.workspace(), q.id()).stream()
                    .filter(a -> !a.hidden())
                    .map(a -> profiles.find(a.author())
                                    .map(Profile::name)
                                    .orElseGet(() -> in.messages().get("member.former"))
                            + (a.helpful() ? " ✓" : "") + ": " + a.text())
                    .toList();
            reply.items(q.text(), lines.isEmpty() ? List.of(in.t("qa.mine.waiting")) : lines);
        }
        return reply.build();
    }

    /** A question by its id or short id, for the members it concerns: the experts it went to, or any teacher. */
    Question find(Invocation in, String id) {
        String ws = in.caller().id().workspace();
        Optional<Question> exact = questions.question(ws, id);
        if (exact.isPresent()) {
            return exact.get();
        }
        Profile me = profiles.mine(in);
        return questions.open(ws, me.teaches()).stream()
                .filter(q -> q.shortId().equalsIgnoreCase(id.strip()))
                .findFirst()
                .orElseThrow(() -> new Refusal("qa.unknown", id));
    }

    Question fromValue(Invocation in) {
        return ActionValue.parse(in.action().value())
                .get("question")
                .flatMap(id -> questions.question(in.caller().id().workspace(), id))
                .orElseThrow(() -> new Refusal("action.stale"));
    }

    Answer answerFromValue(Invocation in) {
        return ActionValue.parse(in.action().value())
                .get("answer")
                .flatMap(id -> questions.answer(in.caller().id().workspace(), id))
                .orElseThrow(() -> new Refusal("action.stale"));
    }
}
