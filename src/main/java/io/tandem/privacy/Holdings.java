package io.tandem.privacy;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.profiles.Profile;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.recognition.Thanks;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.tips.Tip;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records that hold one member's data, as the store found them by ownership: theirs alone (profile, check-ins,
 * feedback, preferences, reports) and shared with others (requests, pairs, sessions, questions, answers, tips).
 *
 * @param profile    null when the member has none (never spoke to Tandem, or was forgotten)
 * @param email      null when Tandem does not know it
 * @param lead       named a programme lead from chat
 * @param feedback   pair id → the feedback this member gave when it ended
 * @param questions  questions they asked or were sent as an expert
 * @param answersTo  question id → the answers to a question they asked
 * @param answers    answers they wrote
 * @param usefulTips ids of the tips they found useful
 * @param reports    what they reported, as {@code <kind>:<id>}
 * @param programmes programme name → how they joined it
 * @param thanks     thanks they gave or received
 * @param named      they chose to be named for the thanks they received
 */
public record Holdings(
        MemberId member,
        Profile profile,
        String email,
        boolean lead,
        Set<String> nudgesOff,
        List<MentoringRequest> requests,
        List<Pair> pairs,
        Map<String, String> feedback,
        List<Session> sessions,
        List<CheckIn> checkIns,
        List<Question> questions,
        Map<String, List<Answer>> answersTo,
        List<Answer> answers,
        List<Tip> tips,
        Set<String> usefulTips,
        Set<String> reports,
        Map<String, String> programmes,
        List<Thanks> thanks,
        boolean named) {

    public Holdings {
        nudgesOff = Set.copyOf(nudgesOff);
        requests = List.copyOf(requests);
        pairs = List.copyOf(pairs);
        feedback = Map.copyOf(feedback);
        sessions = List.copyOf(sessions);
        checkIns = List.copyOf(checkIns);
        questions = List.copyOf(questions);
        answersTo = Map.copyOf(answersTo);
        answers = List.copyOf(answers);
        tips = List.copyOf(tips);
        usefulTips = Set.copyOf(usefulTips);
        reports = Set.copyOf(reports);
        programmes = Map.copyOf(programmes);
        thanks = List.copyOf(thanks);
    }
}
