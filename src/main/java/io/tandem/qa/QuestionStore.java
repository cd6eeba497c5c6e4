package io.tandem.qa;

import io.tandem.engine.MemberId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: questions, answers, and how many questions each expert was sent (for fair routing). */
public interface QuestionStore {

    /** Saves a question; a hidden one leaves the open and waiting lists. */
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

    /** Keeps a question waiting for an answer, to be looked at again at {@code at} (escalation, first teacher). */
    void waitUntil(Question question, Instant at);

    /** Questions whose waiting time is up at {@code now}, oldest due first, at most {@code max}. */
    List<Question> waitingDue(String workspace, Instant now, int max);

    /** Stops waiting: the question was answered, hidden, or has nowhere further to go. */
    void stopWaiting(Question question);

    /** How many questions each of these members was sent so far (absent: none). */
    Map<MemberId, Long> load(Collection<MemberId> members);

    void addLoad(MemberId member);

    /** Counts a helpful answer for its author (contributor stats). */
    void countHelpful(MemberId author);
}
