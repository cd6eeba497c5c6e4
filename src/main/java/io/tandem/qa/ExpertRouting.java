package io.tandem.qa;

import io.tandem.config.TandemProperties;
import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.engine.Messages;
import io.tandem.engine.Notification;
import io.tandem.engine.NotificationKind;
import io.tandem.engine.Notifier;
import io.tandem.engine.Reply;
import io.tandem.moderation.Moderation;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Routing to experts: up to {@code tandem.qa.experts-per-question} members who teach the skill (never the asker,
 * never a paused member), those asked least so far first, so the same experts are not asked every time.
 */
@Component
class ExpertRouting {

    private static final int CANDIDATES_PER_BAND = 50;

    private final QuestionStore questions;
    private final ProfileStore profileStore;
    private final Profiles profiles;
    private final ProfileView view;
    private final int expertsPerQuestion;

    ExpertRouting(
            QuestionStore questions,
            ProfileStore profileStore,
            Profiles profiles,
            ProfileView view,
            TandemProperties properties) {
        this.questions = questions;
        this.profileStore = profileStore;
        this.profiles = profiles;
        this.view = view;
        this.expertsPerQuestion = properties.qa().expertsPerQuestion();
    }

    /** How many experts a question goes to at first, and again when it escalates. */
    int expertsPerQuestion() {
        return expertsPerQuestion;
    }

    /** Sends the question to each of {@code experts} through {@code via}, counting it in their load. */
    void send(Question q, List<MemberId> experts, Notifier via) {
        for (MemberId expert : experts) {
            questions.addLoad(expert);
            Messages m = Messages.of(
                    profiles.find(expert).map(Profile::effectiveLanguage).orElse(Language.EN));
            via.send(Notification.of(expert, NotificationKind.QUESTION, m, toExpert(q, m))
                    .about(q.asker()));
        }
    }

    List<MemberId> experts(MemberId asker, String skill) {
        return experts(asker, skill, List.of(), expertsPerQuestion);
    }

    /** Teachers of the skill, least asked first; never the asker, never paused (the index holds no paused). */
    List<MemberId> experts(MemberId asker, String skill, List<MemberId> already, int count) {
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
                                new Block.Button(
                                        AnsweringQuestion.ANSWER,
                                        m.get("button.answer"),
                                        value,
                                        Block.ButtonStyle.PRIMARY),
                                new Block.Button(AskingQuestion.PASS, m.get("button.pass"), value, null),
                                Moderation.reportButton(QuestionModeration.QUESTION, q.id(), m))))
                .build();
    }
}
