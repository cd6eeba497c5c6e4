package io.tandem.stats;

import io.tandem.engine.MemberId;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.qa.Question;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Port: what the leads' statistics are computed from, by period. Records are read, never changed. */
public interface StatsStore {

    List<MentoringRequest> requests(String workspace, Instant from, Instant to);

    /** Pairs formed in the period. */
    List<Pair> pairs(String workspace, Instant from, Instant to);

    /** Sessions starting in the period. */
    List<Session> sessions(String workspace, Instant from, Instant to);

    /** Check-ins answered in the period. */
    List<CheckIn> checkIns(String workspace, Instant from, Instant to);

    List<Question> questions(String workspace, Instant from, Instant to);

    /** When each question got its first answer (absent: none yet). */
    Map<String, Instant> firstAnswers(String workspace, Collection<String> questionIds);

    /** Daily counters summed over the days (e.g. {@code tips.useful}, {@code nudge.tip:delivered}). */
    Map<String, Long> counters(String workspace, LocalDate from, LocalDate to);

    long members(String workspace);

    long paused(String workspace);

    /** How many members want to learn each skill (skills nobody wants are absent). */
    Map<String, Long> learnerCounts(String workspace, Collection<String> skills);

    /** All-time answers marked helpful, by author. */
    Map<MemberId, Long> helpfulAnswers(String workspace);

    /** All-time "useful" marks on tips, by author. */
    Map<MemberId, Long> usefulTips(String workspace);
}
