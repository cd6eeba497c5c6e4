package io.tandem.qa;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Language;
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
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Answering a question: the form, the answer relayed to the asker, and the asker marking it helpful. */
@Component
class AnsweringQuestion {

    static final String ANSWER = "qa.answer";
    static final String ANSWER_SAVE = "qa.answer.save";
    static final String HELPFUL = "qa.helpful";

    private final QuestionStore questions;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final SendingLimit limit;

    AnsweringQuestion(
            QuestionStore questions,
            Profiles profiles,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            SendingLimit limit) {
        this.limit = limit;
        this.questions = questions;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
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
    Reply answer(Invocation in, Question q, String text) {
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
        Messages m = Messages.of(asker.map(Profile::effectiveLanguage).orElse(Language.EN));
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
        Messages m = Messages.of(author.map(Profile::effectiveLanguage).orElse(Language.EN));
        // the thanks never names an anonymous asker
        String skill = view.skill(q.skill(), m.language());
        String thanks = q.anonymous()
                ? m.get("qa.thanks.anonymous", skill)
                : m.get("qa.thanks", in.caller().name(), skill);
        notifier.send(Notification.of(answer.author(), NotificationKind.ANSWER_HELPFUL, m, Reply.text(thanks))
                .about(in.caller().id()));
        return Reply.text(in.t("qa.helpful.done"));
    }
}
