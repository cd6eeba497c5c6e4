package io.tandem.qa;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Reply;
import io.tandem.moderation.Moderation;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import io.tandem.programme.ProgrammeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** Escalating questions left unanswered to more experts and the programme channel, run by the nudges. */
@Component
public class EscalatingQuestions {

    /** How often a question nobody teaches is looked at again, for a first teacher. */
    static final Duration RECHECK = Duration.ofHours(1);
    /** How long a question nobody can answer keeps waiting for someone to add the skill. */
    static final Duration GIVE_UP = Duration.ofDays(30);

    private static final int ESCALATIONS_PER_RUN = 500;

    private final QuestionStore questions;
    private final ExpertRouting routing;
    private final Profiles profiles;
    private final ProfileView view;
    private final Notifier notifier;
    private final Clock clock;
    private final Programme programme;
    private final Function<String, Duration> escalateAfter;

    /** Questions escalate after the workspace's {@code escalate-after} setting. */
    EscalatingQuestions(
            QuestionStore questions,
            ExpertRouting routing,
            Profiles profiles,
            ProfileView view,
            Notifier notifier,
            Clock clock,
            Programme programme,
            ProgrammeSettings settings) {
        this.programme = programme;
        this.escalateAfter = settings::escalateAfter;
        this.questions = questions;
        this.routing = routing;
        this.profiles = profiles;
        this.view = view;
        this.notifier = notifier;
        this.clock = clock;
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
                List<MemberId> first = routing.experts(q.asker(), q.skill());
                q = q.routedAlsoTo(first);
                routing.send(q, first, via);
            }
            if (q.escalatedAt() == null && !now.isBefore(q.createdAt().plus(escalateAfter.apply(workspace)))) {
                List<MemberId> next = routing.experts(q.asker(), q.skill(), q.routedTo(), routing.expertsPerQuestion());
                q = q.routedAlsoTo(next).escalated(now);
                routing.send(q, next, via);
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
                                new Block.Button(
                                        AnsweringQuestion.ANSWER,
                                        m.get("button.answer"),
                                        value,
                                        Block.ButtonStyle.PRIMARY),
                                Moderation.reportButton(QuestionModeration.QUESTION, q.id(), m))))
                .build();
    }
}
