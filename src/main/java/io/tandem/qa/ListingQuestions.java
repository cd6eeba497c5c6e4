package io.tandem.qa;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Block;
import io.tandem.engine.Invocation;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Listing questions: those open about what I teach, and mine with their answers. */
@Component
class ListingQuestions {

    private final QuestionStore questions;
    private final Profiles profiles;
    private final ProfileView view;

    ListingQuestions(QuestionStore questions, Profiles profiles, ProfileView view) {
        this.questions = questions;
        this.profiles = profiles;
        this.view = view;
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
                            AnsweringQuestion.ANSWER,
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
}
