package io.tandem.engine;

/**
 * Every kind of notification Tandem sends, in one list, each with its own label in the bundles
 * ({@code notification.kind.<id>}), so a member always sees what a message is about in their language (an
 * acceptance is never titled "mentoring request"). The id is what delivery reports and opt-outs group by.
 */
public enum NotificationKind {
    REQUEST("mentoring.request"),
    REQUEST_ACCEPTED("mentoring.request.accepted"),
    REQUEST_DECLINED("mentoring.request.declined"),
    REQUEST_EXPIRED("mentoring.request.expired"),
    SESSION_SCHEDULED("mentoring.session.scheduled"),
    SESSION_RESCHEDULED("mentoring.session.rescheduled"),
    SESSION_CANCELLED("mentoring.session.cancelled"),
    PAIR_PAUSED("mentoring.pair.paused"),
    PAIR_RESUMED("mentoring.pair.resumed"),
    PAIR_ENDED("mentoring.pair.ended"),
    QUESTION("qa.question"),
    QUESTION_ESCALATED("qa.escalated"),
    ANSWER("qa.answer"),
    ANSWER_HELPFUL("qa.helpful"),
    TIP_OF_THE_WEEK("tips.week"),
    TIPS_IN_CHANNEL("tips.week.channel"),
    CONTENT_REPORTED("moderation.report"),
    ROSTER_INVITATION("roster.invitation"),
    PROGRAMME_INVITATION("programme.invitation"),
    PROGRAMME_PAIR("programme.pair"),
    PROGRAMME_LEFT_OVER("programme.left-over"),
    DIGEST("digest"),
    UNDELIVERED("delivery.undelivered"),
    SESSION_REMINDER("nudge.reminder"),
    CHECKIN("nudge.checkin"),
    PAIR_INACTIVE("nudge.inactive"),
    THANKS("recognition.thanks"),
    RECOGNITION_POST("recognition.post");

    private final String id;

    NotificationKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The bundle key of its label. */
    public String labelKey() {
        return "notification.kind." + id;
    }

    /** Its label in the given language. */
    public String label(Messages messages) {
        return messages.get(labelKey());
    }
}
