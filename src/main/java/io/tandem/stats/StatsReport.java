package io.tandem.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The figures of {@code /stats}, before any is hidden: each count is also a number of people or records, and
 * anything about fewer than five people is shown as "&lt;5" when rendered.
 *
 * @param reversePairs   pairs where the mentor is more junior than the mentee
 * @param answerTime     median time from request to answer (null: no answered request)
 * @param toFirstSession median time from pairing to the first session, for pairs formed in the period
 * @param checkInsDue    check-ins expected: two per past session of the period
 * @param usefulness     average usefulness (1–5) of the check-ins; null if none
 * @param firstAnswer    median time from a question to its first answer
 * @param demand         the most wanted skills with how many want and can teach each
 * @param contributors   the top contributors' names, best first
 */
public record StatsReport(
        Period period,
        String skill,
        long members,
        long paused,
        long pairs,
        long reversePairs,
        long requestsSent,
        long accepted,
        long declined,
        long expired,
        Duration answerTime,
        long answered,
        long sessions,
        long held,
        long missed,
        Duration toFirstSession,
        long pairsWithSession,
        long checkIns,
        long checkInsDue,
        Double usefulness,
        long rated,
        long questions,
        long questionsAnswered,
        Duration firstAnswer,
        long stillOpen,
        long tipsWritten,
        long tipsDelivered,
        long tipsUseful,
        List<Demand> demand,
        List<String> contributors,
        List<Week> weeks,
        List<PairActivity> pairActivity) {

    /** One pair's activity in the period, without names or anything they wrote. */
    public record PairActivity(
            String pair,
            Set<String> skills,
            LocalDate formed,
            String status,
            boolean reverse,
            long sessions,
            long held,
            long missed) {}

    /** One skill: how many want to learn it and how many teach it. */
    public record Demand(String skill, long learners, long teachers) {
        public long gap() {
            return Math.max(0, learners - teachers);
        }
    }

    /** Sessions held per week, oldest first, for the chart. */
    public record Week(LocalDate start, long sessions) {}
}
