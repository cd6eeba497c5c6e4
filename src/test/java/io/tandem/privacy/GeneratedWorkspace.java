package io.tandem.privacy;

import io.tandem.engine.Action;
import io.tandem.engine.ActionValue;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.pairing.MentoringRequest;
import io.tandem.pairing.Pair;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.qa.Answer;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.CheckIn;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A workspace filled by members with hostile names, through the engine as they would: handles and names that are
 * common words ({@code will}, {@code may}, {@code console}, {@code slack}, {@code seo}), that are prefixes of one
 * another ({@code bob} / {@code bob.smith}), that equal the workspace's own id, with accents and emoji; free text
 * that names the others. It remembers what a property needs to know: the texts each member wrote that name others,
 * the private notes (each with a marker), the anonymous questions and who asked them.
 */
final class GeneratedWorkspace {

    /** Names that collide with words, skills, platform names and each other. */
    private static final List<String> NAMES = List.of(
            "Will",
            "May",
            "Console",
            "Slack",
            "SEO",
            "Bob",
            "Bob Smith",
            "bob",
            "Élodie 🎉",
            "Zoë Ünal",
            "T1",
            "Team",
            "Lead",
            "a former member");

    private static final List<String> SKILLS = List.of("seo", "negotiation", "public speaking", "social crm");
    private static final List<String> TEAMS = List.of("Sales", "Marketing", "Console", "SEO");

    final Platform platform;
    /** What the engine is told the workspace is ({@code ""} for the console). */
    final String team;

    final List<MemberId> members = new ArrayList<>();
    final Map<MemberId, String> names = new LinkedHashMap<>();
    /** Private notes' markers, by their author. */
    final Map<MemberId, Set<String>> noteMarkers = new LinkedHashMap<>();
    /**
     * Free texts written by a member that name someone else (they stay as written when that person goes), each known
     * by a marker it carries ({@code [m12]}): the commands may reword the rest (a mention becomes a link).
     */
    final Map<MemberId, Set<String>> mentions = new LinkedHashMap<>();
    /** Anonymous questions: id → asker. */
    final Map<String, MemberId> anonymous = new LinkedHashMap<>();

    private final ConversationEngine engine;
    private final PairStore pairStore;
    private final RequestStore requestStore;
    private final SessionStore sessionStore;
    private final QuestionStore questions;
    private final Clock clock;
    private final Random random;
    private int counter;

    private GeneratedWorkspace(
            ConversationEngine engine,
            PairStore pairStore,
            RequestStore requestStore,
            SessionStore sessionStore,
            QuestionStore questions,
            Clock clock,
            Random random) {
        this.engine = engine;
        this.pairStore = pairStore;
        this.requestStore = requestStore;
        this.sessionStore = sessionStore;
        this.questions = questions;
        this.clock = clock;
        this.random = random;
        this.platform =
                List.of(Platform.CONSOLE, Platform.SLACK, Platform.TEAMS).get(random.nextInt(3));
        this.team = switch (platform) {
            case CONSOLE -> "";
            case SLACK -> "T1";
            case TEAMS -> "contoso";
        };
    }

    /** Users whose ids are words, prefixes of each other, and the workspace's own id. */
    private List<String> users() {
        return switch (platform) {
            case CONSOLE -> List.of("will", "may", "console", "slack", "seo", "bob", "bob.smith", "lena");
            case SLACK -> List.of("UWILL", "U1", "U1X", "T1", "SLACK", "USEO", "W1");
            case TEAMS -> List.of("contoso", "will", "8f2c", "8f2c9a10-1111-4c2b-9f00-000000000001", "teams", "seo");
        };
    }

    static GeneratedWorkspace fill(
            ConversationEngine engine,
            PairStore pairStore,
            RequestStore requestStore,
            SessionStore sessionStore,
            QuestionStore questions,
            Clock clock,
            long seed,
            boolean distinctiveNames) {
        GeneratedWorkspace w = new GeneratedWorkspace(
                engine, pairStore, requestStore, sessionStore, questions, clock, new Random(seed));
        w.populate(distinctiveNames);
        return w;
    }

    MemberId id(String user) {
        return MemberId.of(platform, team, user);
    }

    String handle(MemberId m) {
        return m.user();
    }

    Reply say(MemberId who, String text) {
        return engine.handle(ChatEvent.text(
                platform,
                team,
                who.user(),
                names.get(who),
                Locale.ENGLISH,
                ZoneId.of("Europe/Paris"),
                "c-" + who.user(),
                text,
                List.of()));
    }

    Reply click(MemberId who, String action, String value, Map<String, String> fields) {
        return engine.handle(ChatEvent.action(
                platform,
                team,
                who.user(),
                names.get(who),
                Locale.ENGLISH,
                ZoneId.of("Europe/Paris"),
                "c-" + who.user(),
                new Action(action, value, fields)));
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private MemberId other(MemberId than) {
        MemberId o;
        do {
            o = pick(members);
        } while (o.equals(than));
        return o;
    }

    /** A sentence that names {@code about} by name and handle, among words that are other members' names. */
    private String textAbout(MemberId author, MemberId about) {
        String marker = "[m" + (++counter) + "]";
        String text = pick(List.of("Ask", "Thanks to", "I will", "May I help")) + " " + names.get(about) + " (@"
                + handle(about) + ") about " + pick(SKILLS) + ", " + pick(NAMES).toLowerCase(Locale.ROOT) + " "
                + marker;
        mentions.computeIfAbsent(author, a -> new LinkedHashSet<>()).add(marker);
        return text;
    }

    private void populate(boolean distinctiveNames) {
        List<String> users = new ArrayList<>(users());
        Collections.shuffle(users, random);
        int size = 4 + random.nextInt(Math.min(4, users.size() - 3));
        for (String user : users.subList(0, size)) {
            MemberId m = id(user);
            members.add(m);
            names.put(
                    m,
                    distinctiveNames
                            ? "Quill" + Integer.toHexString(random.nextInt(1 << 24)) + " " + pick(NAMES)
                            : pick(NAMES));
        }
        for (MemberId m : members) {
            say(m, "/mentor set seniority " + pick(List.of("junior", "mid", "senior", "exec")));
            say(m, "/mentor teach " + pick(SKILLS) + ", " + pick(SKILLS));
            say(m, "/mentor learn " + pick(SKILLS));
            say(m, "/mentor set capacity " + (1 + random.nextInt(3)));
        }
        // everyone asks someone for mentoring, most say yes, and most pairs plan a session
        for (MemberId a : members) {
            MemberId b = other(a);
            String skill = pick(SKILLS);
            say(b, "/mentor teach " + skill);
            say(b, "/mentor set capacity 5");
            say(a, "/mentor request @" + handle(b) + " " + skill + " " + textAbout(a, b));
        }
        for (MemberId b : members) {
            for (MentoringRequest r : requestStore.pending(b)) {
                if (r.mentor().equals(b) && random.nextInt(4) > 0) {
                    click(b, "mentoring.request.accept", ActionValue.of("request", r.id()), Map.of());
                }
            }
        }
        for (MemberId a : members) {
            openPair(a).ifPresent(p -> schedule(a, p));
        }
        int steps = 25 + random.nextInt(20);
        for (int i = 0; i < steps; i++) {
            step(pick(members));
        }
    }

    private void step(MemberId a) {
        MemberId b = other(a);
        switch (random.nextInt(16)) {
            case 0 -> say(a, "/mentor set team " + pick(TEAMS));
            case 1 -> say(a, "/mentor bio " + textAbout(a, b));
            case 2 -> say(a, "/mentor set manager @" + handle(b));
            case 3 -> {
                String skill = pick(SKILLS);
                say(b, "/mentor teach " + skill);
                say(a, "/mentor request @" + handle(b) + " " + skill + " " + textAbout(a, b));
            }
            case 4 -> {
                List<MentoringRequest> pending = requestStore.pending(a).stream()
                        .filter(r -> r.mentor().equals(a))
                        .toList();
                if (!pending.isEmpty()) {
                    MentoringRequest r = pick(pending);
                    String value = ActionValue.of("request", r.id());
                    if (random.nextBoolean()) {
                        click(a, "mentoring.request.accept", value, Map.of());
                    } else {
                        click(a, "mentoring.request.decline.save", value, Map.of("reason", textAbout(a, r.mentee())));
                    }
                }
            }
            case 5 -> openPair(a).ifPresent(p -> schedule(a, p));
            case 6 -> {
                List<Session> sessions = sessionStore.sessions(a);
                if (!sessions.isEmpty()) {
                    Session s = pick(sessions);
                    String marker = "NOTE" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
                    noteMarkers.computeIfAbsent(a, x -> new LinkedHashSet<>()).add(marker);
                    MemberId named = s.otherThan(a);
                    sessionStore.save(new CheckIn(
                            s.id(),
                            a,
                            CheckIn.Met.YES,
                            1 + random.nextInt(5),
                            textAbout(a, named),
                            marker + " " + names.get(named) + " seemed bored",
                            clock.instant().plus(Duration.ofDays(3))));
                }
            }
            case 7 -> {
                boolean anon = random.nextBoolean();
                String skill = pick(SKILLS);
                say(b, "/mentor teach " + skill);
                say(a, "/mentor ask " + (anon ? "--anon " : "") + skill + " " + textAbout(a, b) + "?");
                List<Question> mine = questions.askedBy(a);
                if (anon && !mine.isEmpty()) {
                    anonymous.put(mine.get(0).id(), a);
                }
            }
            case 8 -> {
                List<Question> mine = questions.askedBy(b).stream()
                        .filter(q -> q.routedTo().contains(a))
                        .toList();
                if (!mine.isEmpty()) {
                    say(a, "/mentor answer " + pick(mine).id() + " " + textAbout(a, b));
                }
            }
            case 9 -> {
                for (Question q : questions.askedBy(a)) {
                    for (Answer answer : questions.answers(q.workspace(), q.id())) {
                        click(a, "qa.helpful", ActionValue.of("answer", answer.id()), Map.of());
                    }
                }
            }
            case 10 -> say(a, "/mentor tip " + pick(SKILLS) + " " + textAbout(a, b));
            case 11 -> {
                List<Question> theirs = questions.askedBy(b);
                if (!theirs.isEmpty()) {
                    click(
                            a,
                            "moderation.report",
                            ActionValue.of(
                                    "kind", "question", "id", pick(theirs).id()),
                            Map.of());
                }
            }
            case 12 -> say(a, "/mentor nudges off " + pick(List.of("tips", "reminders", "checkins")));
            case 13 -> say(a, "/mentor thanks @" + handle(b) + " " + textAbout(a, b));
            case 14 -> say(a, "/mentor recognition " + pick(List.of("on", "off")));
            default ->
                openPair(a).ifPresent(p -> {
                    if (random.nextInt(3) == 0) {
                        say(a, "/mentor end @" + handle(p.other(a)) + " " + textAbout(a, p.other(a)));
                    }
                });
        }
    }

    private void schedule(MemberId a, Pair p) {
        String answer = say(
                        a,
                        "/mentor schedule @" + handle(p.other(a)) + " in " + (2 + random.nextInt(5)) + " days 10:00 1h "
                                + textAbout(a, p.other(a)))
                .text();
        if (!answer.contains("planned")) {
            throw new AssertionError("the generator could not plan a session: " + answer);
        }
    }

    private Optional<Pair> openPair(MemberId a) {
        List<Pair> open = pairStore.pairs(a).stream().filter(Pair::open).toList();
        return open.isEmpty() ? Optional.empty() : Optional.of(pick(open));
    }
}
