package io.tandem.qa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.mentoring.Profile;
import io.tandem.mentoring.ProfileStore;
import io.tandem.mentoring.Profiles;
import io.tandem.mentoring.ProfileView;

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
    static final String KIND = "qa.question";
    static final int MAX_TEXT = 2000;
    private static final int CANDIDATES_PER_BAND = 50;

    private final QuestionStore questions;
    private final ProfileStore profileStore;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final int expertsPerQuestion;

    public PeerQuestions(QuestionStore questions, ProfileStore profileStore, Profiles profiles, ProfileView view,
                         Notifier notifier, Clock clock,
                         @Value("${tandem.qa.experts-per-question:3}") int expertsPerQuestion) {
        this.questions = questions;
        this.profileStore = profileStore;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
        this.expertsPerQuestion = expertsPerQuestion;
    }

    public Reply ask(Invocation in, String skill, String text, boolean anonymous) {
        if (text.length() > MAX_TEXT) {
            throw new Refusal("set.too-long", MAX_TEXT);
        }
        MemberId asker = in.caller().id();
        List<MemberId> experts = experts(asker, skill);
        Question question = new Question(UUID.randomUUID().toString(), asker, anonymous, skill, text,
                clock.instant(), experts);
        questions.save(question);
        for (MemberId expert : experts) {
            questions.addLoad(expert);
            notifier.send(new Notification(expert, KIND, toExpert(question, expert)));
        }
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
            List<MemberId> routed = new ArrayList<>(q.routedTo());
            routed.addAll(next);
            Question rerouted = new Question(q.id(), q.asker(), q.anonymous(), q.skill(), q.text(), q.createdAt(),
                    routed);
            questions.save(rerouted);
            questions.addLoad(next.get(0));
            notifier.send(new Notification(next.get(0), KIND, toExpert(rerouted, next.get(0))));
        }
        return Reply.text(in.t("qa.passed"));
    }

    private List<MemberId> experts(MemberId asker, String skill) {
        return experts(asker, skill, List.of(), expertsPerQuestion);
    }

    /** Teachers of the skill, least asked first; never the asker, never paused (the index holds no paused). */
    private List<MemberId> experts(MemberId asker, String skill, List<MemberId> already, int count) {
        List<MemberId> candidates = profileStore.teachers(asker.workspace(), skill, CANDIDATES_PER_BAND).stream()
                .filter(m -> !m.equals(asker) && !already.contains(m)).toList();
        Map<MemberId, Long> load = questions.load(candidates);
        List<MemberId> ordered = new ArrayList<>(candidates);
        ordered.sort(Comparator.<MemberId>comparingLong(m -> load.getOrDefault(m, 0L))
                .thenComparing(MemberId::toString));
        return List.copyOf(ordered.subList(0, Math.min(count, ordered.size())));
    }

    /** What an expert sees: the question, and who asked only if the asker chose to say. */
    private Reply toExpert(Question q, MemberId expert) {
        Optional<Profile> profile = profiles.find(expert);
        Messages m = Messages.of(profile.map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
        String from = q.anonymous() ? m.get("qa.from.anonymous")
                : profiles.find(q.asker()).map(Profile::name).orElse("?");
        String value = ActionValue.of("question", q.id());
        return Reply.builder().text(m.get("qa.to-expert", from, view.skill(q.skill(), m.language())))
                .block(new Block.Section(null, q.text(), List.of(new Block.Field(m.get("qa.field.id"), q.shortId())),
                        List.of(new Block.Button(ANSWER, m.get("button.answer"), value, Block.ButtonStyle.PRIMARY),
                                new Block.Button(PASS, m.get("button.pass"), value, null))))
                .build();
    }

    Reply answerForm(Invocation in, Question q) {
        return Reply.builder().block(new Block.Form(ANSWER_SAVE, in.t("qa.answer.title"), in.t("button.answer"),
                List.of(new Block.Input("answer", q.text().length() > 150 ? q.text().substring(0, 149) + "…" : q.text(),
                        Block.InputType.MULTILINE, true, "", in.t("qa.answer.hint"), null)),
                Map.of(), ActionValue.of("question", q.id()))).build();
    }

    /** Saves an answer and relays it to the asker, with the answerer's name and a Helpful button. */
    public Reply answer(Invocation in, Question q, String text) {
        if (text.isBlank()) {
            throw new Refusal("qa.answer.empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new Refusal("set.too-long", MAX_TEXT);
        }
        if (q.asker().equals(in.caller().id())) {
            throw new Refusal("qa.answer.own");
        }
        Answer answer = new Answer(UUID.randomUUID().toString(), q.id(), in.caller().id(), text.strip(),
                clock.instant(), false);
        questions.save(answer);
        Optional<Profile> asker = profiles.find(q.asker());
        Messages m = Messages.of(asker.map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
        notifier.send(new Notification(q.asker(), "qa.answer", Reply.builder()
                .text(m.get("qa.answered", in.caller().name(), view.skill(q.skill(), m.language())))
                .block(new Block.Section(q.text(), answer.text(), List.of(), List.of(new Block.Button(HELPFUL,
                        m.get("button.helpful"), ActionValue.of("answer", answer.id()), Block.ButtonStyle.PRIMARY))))
                .build()));
        return Reply.text(in.t("qa.answer.sent"));
    }

    /** The asker marks an answer helpful: its author is thanked, and it counts for contributor stats. */
    Reply helpful(Invocation in, Answer answer) {
        Question q = questions.question(in.caller().id().workspace(), answer.questionId())
                .filter(question -> question.asker().equals(in.caller().id()))
                .orElseThrow(() -> new Refusal("action.stale"));
        if (answer.helpful()) {
            return Reply.text(in.t("qa.helpful.already"));
        }
        questions.save(answer.markedHelpful());
        questions.countHelpful(answer.author());
        questions.close(q);
        Optional<Profile> author = profiles.find(answer.author());
        Messages m = Messages.of(author.map(Profile::effectiveLanguage).orElse(io.tandem.engine.Language.EN));
        // the thanks never names an anonymous asker
        String who = q.anonymous() ? m.get("qa.from.anonymous") : in.caller().name();
        notifier.send(new Notification(answer.author(), "qa.helpful", Reply.text(m.get("qa.thanks", who,
                view.skill(q.skill(), m.language())))));
        return Reply.text(in.t("qa.helpful.done"));
    }

    /** {@code /mentor questions}: open questions about what I teach (not mine). */
    Reply openForMe(Invocation in) {
        Profile me = profiles.mine(in);
        List<Question> open = questions.open(me.id().workspace(), me.teaches()).stream()
                .filter(q -> !q.asker().equals(me.id())).limit(10).toList();
        if (open.isEmpty()) {
            return Reply.text(in.t(me.teaches().isEmpty() ? "qa.questions.no-skills" : "qa.questions.none"));
        }
        Reply.Builder reply = Reply.builder().text(in.t("qa.questions.heading"));
        for (Question q : open) {
            String from = q.anonymous() ? in.t("qa.from.anonymous")
                    : profiles.find(q.asker()).map(Profile::name).orElse("?");
            reply.block(new Block.Section(view.skill(q.skill(), in.messages().language()) + " · " + from, q.text(),
                    List.of(new Block.Field(in.t("qa.field.id"), q.shortId())), List.of(new Block.Button(ANSWER,
                    in.t("button.answer"), ActionValue.of("question", q.id()), Block.ButtonStyle.PRIMARY))));
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
            List<String> lines = questions.answers(q.workspace(), q.id()).stream().map(a -> profiles.find(a.author())
                    .map(Profile::name).orElse("?") + (a.helpful() ? " ✓" : "") + ": " + a.text()).toList();
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
        return questions.open(ws, me.teaches()).stream().filter(q -> q.shortId().equalsIgnoreCase(id.strip()))
                .findFirst().orElseThrow(() -> new Refusal("qa.unknown", id));
    }

    Question fromValue(Invocation in) {
        return ActionValue.parse(in.action().value()).get("question")
                .flatMap(id -> questions.question(in.caller().id().workspace(), id))
                .orElseThrow(() -> new Refusal("action.stale"));
    }

    Answer answerFromValue(Invocation in) {
        return ActionValue.parse(in.action().value()).get("answer")
                .flatMap(id -> questions.answer(in.caller().id().workspace(), id))
                .orElseThrow(() -> new Refusal("action.stale"));
    }
}
