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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a member's export shows of their {@link Holdings}: all of what is theirs, and of shared records only what
 * is theirs to see. Never the asker of an anonymous question (not even to the experts it was sent to), never
 * someone else's private note or feedback, never the calendar link's secret. Others appear by member id, a former
 * member as {@value #FORMER}. Lists are in a stable order (by time, then id), so two exports of unchanged data are
 * equal.
 */
public final class MemberExport {

    /** How a forgotten member appears in others' exports. */
    public static final String FORMER = "a former member";

    private MemberExport() {}

    /** The export document: maps, lists, strings, numbers and booleans, ready to be written as JSON. */
    public static Map<String, Object> document(Holdings h) {
        MemberId me = h.member();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member", me.toString());
        out.put("profile", h.profile() == null ? null : profile(h.profile()));
        out.put("email", h.email());
        out.put("namedLead", h.lead());
        out.put("nudgesOff", h.nudgesOff().stream().sorted().toList());
        out.put(
                "requests",
                h.requests().stream()
                        .sorted(by(MentoringRequest::createdAt, MentoringRequest::id))
                        .map(r -> request(r, me))
                        .toList());
        out.put(
                "pairs",
                h.pairs().stream()
                        .sorted(by(Pair::createdAt, Pair::id))
                        .map(p -> pair(p, me, h.feedback().get(p.id())))
                        .toList());
        out.put(
                "sessions",
                h.sessions().stream()
                        .sorted(by(Session::start, Session::id))
                        .map(MemberExport::session)
                        .toList());
        out.put(
                "checkIns",
                h.checkIns().stream()
                        .filter(c -> c.member().equals(me))
                        .sorted(by(CheckIn::answeredAt, CheckIn::sessionId))
                        .map(MemberExport::checkIn)
                        .toList());
        List<Question> questions = h.questions().stream()
                .sorted(by(Question::createdAt, Question::id))
                .toList();
        out.put(
                "questionsAsked",
                questions.stream()
                        .filter(q -> q.asker().equals(me))
                        .map(q -> asked(q, h.answersTo().getOrDefault(q.id(), List.of())))
                        .toList());
        out.put(
                "questionsReceived",
                questions.stream()
                        .filter(q -> !q.asker().equals(me) && q.routedTo().contains(me))
                        .map(MemberExport::received)
                        .toList());
        out.put(
                "answers",
                h.answers().stream()
                        .filter(a -> a.author().equals(me))
                        .sorted(by(Answer::createdAt, Answer::id))
                        .map(MemberExport::answer)
                        .toList());
        out.put(
                "tips",
                h.tips().stream()
                        .filter(t -> me.equals(t.author()))
                        .sorted(by(Tip::createdAt, Tip::id))
                        .map(MemberExport::tip)
                        .toList());
        out.put("tipsFoundUseful", h.usefulTips().stream().sorted().toList());
        out.put("reported", h.reports().stream().sorted().toList());
        out.put("programmes", new TreeMap<>(h.programmes()));
        out.put(
                "thanks",
                h.thanks().stream()
                        .filter(t -> t.from().equals(me) || t.to().equals(me))
                        .sorted(by(Thanks::at, Thanks::id))
                        .map(t -> thanks(t, me))
                        .toList());
        out.put("namedForThanks", h.named());
        return out;
    }

    private static Map<String, Object> thanks(Thanks t, MemberId me) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("role", t.from().equals(me) ? "gave" : "received");
        m.put("from", person(t.from()));
        m.put("to", person(t.to()));
        m.put("reason", t.reason());
        m.put("at", time(t.at()));
        return m;
    }

    /** A member as others' exports show them. */
    static String person(MemberId m) {
        return m == null ? null : m.formerMember() ? FORMER : m.toString();
    }

    private static <T> Comparator<T> by(Function<T, Instant> time, Function<T, String> id) {
        return Comparator.comparing(time, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(id);
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Map<String, Object> profile(Profile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("handle", p.handle());
        m.put("language", p.language() == null ? null : p.language().code());
        m.put("platformLanguage", p.locale().code());
        m.put("timezone", p.zone() == null ? null : p.zone().getId());
        m.put("seniority", p.seniority() == null ? null : p.seniority().id());
        m.put("team", p.team());
        m.put("manager", person(p.manager()));
        m.put("capacity", p.capacity());
        m.put("bio", p.bio());
        m.put("paused", p.paused());
        m.put("teaches", p.teaches().stream().sorted().toList());
        m.put("learns", p.learns().stream().sorted().toList());
        m.put("joined", time(p.joined()));
        return m;
    }

    private static Map<String, Object> request(MentoringRequest r, MemberId me) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("role", r.mentee().equals(me) ? "mentee" : "mentor");
        m.put("mentee", person(r.mentee()));
        m.put("mentor", person(r.mentor()));
        m.put("skill", r.skill());
        m.put("message", r.message());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("createdAt", time(r.createdAt()));
        m.put("answeredAt", time(r.answeredAt()));
        m.put("reason", r.reason());
        return m;
    }

    private static Map<String, Object> pair(Pair p, MemberId me, String myFeedback) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("role", p.mentor().equals(me) ? "mentor" : "mentee");
        m.put("mentor", person(p.mentor()));
        m.put("mentee", person(p.mentee()));
        m.put("skills", p.skills().stream().sorted().toList());
        m.put("skillsBack", p.reverse().stream().sorted().toList());
        m.put("status", p.status().name().toLowerCase(Locale.ROOT));
        m.put("createdAt", time(p.createdAt()));
        m.put("endedAt", time(p.endedAt()));
        m.put("myFeedback", myFeedback);
        return m;
    }

    private static Map<String, Object> session(Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("pair", s.pairId());
        m.put("organizer", person(s.organizer()));
        m.put("with", person(s.other()));
        m.put("start", time(s.start()));
        m.put("minutes", s.duration().toMinutes());
        m.put("topic", s.topic());
        m.put("timezone", s.zone() == null ? null : s.zone().getId());
        m.put("status", s.status() == null ? null : s.status().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static Map<String, Object> checkIn(CheckIn c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session", c.sessionId());
        m.put("met", c.met().name().toLowerCase(Locale.ROOT));
        m.put("usefulness", c.usefulness());
        m.put("learned", c.learned());
        m.put("privateNote", c.note());
        m.put("answeredAt", time(c.answeredAt()));
        return m;
    }

    private static Map<String, Object> asked(Question q, List<Answer> answers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("skill", q.skill());
        m.put("text", q.text());
        m.put("anonymous", q.anonymous());
        m.put("createdAt", time(q.createdAt()));
        m.put("escalatedAt", time(q.escalatedAt()));
        m.put("hidden", q.hidden());
        List<Map<String, Object>> shown = new ArrayList<>();
        answers.stream()
                .filter(a -> !a.hidden())
                .sorted(by(Answer::createdAt, Answer::id))
                .forEach(a -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("id", a.id());
                    one.put("author", person(a.author()));
                    one.put("text", a.text());
                    one.put("createdAt", time(a.createdAt()));
                    one.put("helpful", a.helpful());
                    shown.add(one);
                });
        m.put("answers", shown);
        return m;
    }

    /** A question as an expert it was sent to sees it: an anonymous asker is not there at all. */
    private static Map<String, Object> received(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("skill", q.skill());
        m.put("text", q.text());
        m.put("anonymous", q.anonymous());
        if (!q.anonymous()) {
            m.put("askedBy", person(q.asker()));
        }
        m.put("createdAt", time(q.createdAt()));
        return m;
    }

    private static Map<String, Object> answer(Answer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("question", a.questionId());
        m.put("text", a.text());
        m.put("createdAt", time(a.createdAt()));
        m.put("helpful", a.helpful());
        m.put("hidden", a.hidden());
        return m;
    }

    private static Map<String, Object> tip(Tip t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("skill", t.skill());
        m.put("language", t.language().code());
        m.put("text", t.text());
        m.put("createdAt", time(t.createdAt()));
        return m;
    }
}
