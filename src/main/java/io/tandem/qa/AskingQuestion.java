package io.tandem.qa;

import io.tandem.engine.Invocation;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notifier;
import io.tandem.engine.Refusal;
import io.tandem.engine.Reply;
import io.tandem.engine.TextLimit;
import io.tandem.moderation.SendingLimit;
import io.tandem.profiles.ProfileView;
import io.tandem.programme.ProgrammeSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Asking a question, which goes to a few experts ({@link ExpertRouting}), and an expert passing it on. */
@Component
class AskingQuestion {

    static final String PASS = "qa.pass";

    private final QuestionStore questions;
    private final ExpertRouting routing;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final SendingLimit limit;
    private final Function<String, Duration> escalateAfter;

    /** Questions wait for an answer until the workspace's {@code escalate-after} setting. */
    AskingQuestion(
            QuestionStore questions,
            ExpertRouting routing,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            SendingLimit limit,
            ProgrammeSettings settings) {
        this.limit = limit;
        this.escalateAfter = settings::escalateAfter;
        this.questions = questions;
        this.routing = routing;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
    }

    Reply ask(Invocation in, String skill, String text, boolean anonymous) {
        TextLimit.QUESTION.check(text);
        MemberId asker = in.caller().id();
        limit.spend(asker);
        List<MemberId> experts = routing.experts(asker, skill);
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
        List<MemberId> next = routing.experts(q.asker(), q.skill(), q.routedTo(), 1);
        if (!next.isEmpty()) {
            Question rerouted = q.routedAlsoTo(next);
            questions.save(rerouted);
            send(rerouted, next);
        }
        return Reply.text(in.t("qa.passed"));
    }

    private void send(Question q, List<MemberId> experts) {
        routing.send(q, experts, notifier);
    }
}
