package io.tandem.qa;

import io.tandem.engine.ActionValue;
import io.tandem.engine.Invocation;
import io.tandem.engine.Refusal;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Profiles;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Finds the question or answer a command or a button is about, or refuses. */
@Component
class QuestionLookup {

    private final QuestionStore questions;
    private final Profiles profiles;

    QuestionLookup(QuestionStore questions, Profiles profiles) {
        this.questions = questions;
        this.profiles = profiles;
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
