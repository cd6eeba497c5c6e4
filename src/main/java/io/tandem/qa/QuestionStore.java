package io.tandem.qa;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tandem.engine.MemberId;

/** Port: questions, answers, and how many questions each expert was sent (for fair routing). */
public interface QuestionStore {

    void save(Question question);

    Optional<Question> question(String workspace, String id);

    /** Questions about these skills that are still open (nobody's answer marked helpful), newest first. */
    List<Question> open(String workspace, Collection<String> skills);

    /** The member's own questions, newest first. */
    List<Question> askedBy(MemberId asker);

    void save(Answer answer);

    Optional<Answer> answer(String workspace, String id);

    List<Answer> answers(String workspace, String questionId);

    /** Closes a question (an answer was marked helpful): it leaves the open lists. */
    void close(Question question);

    /** How many questions each of these members was sent so far (absent: none). */
    Map<MemberId, Long> load(Collection<MemberId> members);

    void addLoad(MemberId member);

    /** Counts a helpful answer for its author (contributor stats). */
    void countHelpful(MemberId author);
}
