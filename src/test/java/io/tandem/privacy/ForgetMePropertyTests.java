package io.tandem.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Text;
import io.tandem.pairing.PairStore;
import io.tandem.pairing.RequestStore;
import io.tandem.profiles.MemberEmails;
import io.tandem.qa.QuestionStore;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.RedisContents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Forget-me and export as properties over generated workspaces ({@link GeneratedWorkspace}: console, Slack and Teams
 * ids; handles and names that are common words, prefixes of each other, the workspace's own id): whoever is
 * forgotten, every other member's export is what it was, with references to them now "a former member"; no key or
 * stored field still holds their id, handle, name or email; and no export ever shows another member's private note
 * or the asker of an anonymous question. Each run prints its seed; a failure names the seed to replay it with
 * {@code -Dprivacy.seed=<seed>}.
 */
@EngineTest
class ForgetMePropertyTests {

    private static final int TRIES = Integer.getInteger("privacy.tries", 12);

    @Autowired
    ConversationEngine engine;

    @Autowired
    PairStore pairStore;

    @Autowired
    RequestStore requestStore;

    @Autowired
    SessionStore sessionStore;

    @Autowired
    QuestionStore questions;

    @Autowired
    MemberData data;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    Clock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    MemberEmails emails;

    @BeforeEach
    void empty() {
        settle();
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
    }

    /** Console notifications are delivered in the background: let those on their way land. */
    private void settle() {
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.depth(Platform.CONSOLE) == 0);
    }

    private static long[] seeds() {
        Long fixed = Long.getLong("privacy.seed");
        if (fixed != null) {
            return new long[] {fixed};
        }
        long[] seeds = new long[TRIES];
        Random r = new Random();
        for (int i = 0; i < TRIES; i++) {
            seeds[i] = r.nextLong();
        }
        return seeds;
    }

    private JsonNode export(MemberId m) {
        return json.readTree(data.export(m));
    }

    @Test
    void forgettingAMemberChangesNothingOfOthersButTheirReferenceAndLeavesNoTrace() {
        for (long seed : seeds()) {
            for (boolean distinctive : List.of(false, true)) {
                try {
                    empty();
                    forgetOneOf(
                            GeneratedWorkspace.fill(
                                    engine, pairStore, requestStore, sessionStore, questions, clock, seed, distinctive),
                            new Random(seed));
                } catch (AssertionError e) {
                    throw new AssertionError(
                            "seed " + seed + (distinctive ? " (distinctive names)" : "") + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void forgetOneOf(GeneratedWorkspace w, Random random) {
        settle();
        MemberId gone = w.members.get(random.nextInt(w.members.size()));
        String name = w.names.get(gone);
        String email = random.nextBoolean() ? null : gone.user().replaceAll("[^A-Za-z0-9]", "") + "@Example.com";
        if (email != null) {
            emails.set(gone, email);
        }
        // the records others wrote (messages on their way or delivered are not records: those to the member go)
        String recordsBefore =
                everything(key -> !key.contains(":inbox:") && !key.matches("tandem:\\{q\\d+\\.\\d+}:.*"));
        Map<MemberId, JsonNode> before = new LinkedHashMap<>();
        for (MemberId m : w.members) {
            before.put(m, export(m));
        }
        Object handleOwner = redis.opsForHash().get(prefix(gone) + "handles", Text.fold(gone.user()));
        assertThat(handleOwner).as("the member was indexed").isEqualTo(gone.user());
        assertThat(redis.hasKey(prefix(gone) + "m:" + gone.user())).isTrue();

        data.erase(gone);
        settle();

        for (MemberId m : w.members) {
            if (m.equals(gone)) {
                continue;
            }
            JsonNode expected = former(before.get(m).deepCopy(), gone.toString());
            assertThat(export(m))
                    .as("the export of %s after %s was forgotten", m, gone)
                    .isEqualTo(expected);
        }
        JsonNode own = export(gone);
        assertThat(own.get("profile").isNull()).as("their profile is gone").isTrue();
        for (String list : List.of(
                "requests",
                "pairs",
                "sessions",
                "checkIns",
                "questionsAsked",
                "questionsReceived",
                "answers",
                "tips",
                "tipsFoundUseful",
                "reported",
                "nudgesOff",
                "thanks")) {
            assertThat(own.get(list)).as(list + " of the forgotten member").isEmpty();
        }
        noTraceOf(w, gone, name, email);
        // what others wrote stays as they wrote it, even where it names them
        String after = everything();
        w.mentions.entrySet().stream()
                .filter(e -> !e.getKey().equals(gone))
                .flatMap(e -> e.getValue().stream())
                .filter(recordsBefore::contains)
                .forEach(marker ->
                        assertThat(after).as("others' text kept as written").contains(marker));
    }

    /** The export as it must be once {@code gone} is forgotten: every reference to them is the tombstone. */
    private static JsonNode former(JsonNode node, String gone) {
        if (node instanceof ObjectNode object) {
            for (String field : new ArrayList<>(object.propertyNames())) {
                object.set(field, former(object.get(field), gone));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, former(array.get(i), gone));
            }
        } else if (node.isString() && node.asString().equals(gone)) {
            return StringNode.valueOf(MemberExport.FORMER);
        }
        return node;
    }

    private static String prefix(MemberId m) {
        return "tandem:{" + m.workspace() + "}:";
    }

    /** The keys of a workspace named after one member, as the key layout has them (README "Privacy"). */
    private static final List<String> PER_MEMBER = List.of(
            "m:",
            "requests:",
            "pairs:",
            "sessions:",
            "questions:asked:",
            "nudges-off:",
            "inbox:",
            "teams-conversation:",
            "slack-user:",
            "reported:",
            "owns:");

    /** Sets and sorted sets whose members are user ids. */
    private static boolean holdsUserIds(String rest) {
        return rest.equals("members")
                || rest.equals("paused")
                || rest.equals("leads")
                || rest.startsWith("learn:")
                || rest.startsWith("teach:")
                || rest.equals("questions:load")
                || rest.equals("answers:helpful")
                || rest.equals("tips-useful-authors")
                || rest.equals("recognition-named")
                || rest.equals("recognition-asked")
                || rest.startsWith("tips-voters:");
    }

    /**
     * Walks every key and value in Redis, knowing the key layout: no key is named after the member, no index lists
     * them, no record or queued message refers to them, and (with a name nobody else could have written) their name
     * is nowhere but in what others wrote and what was already delivered to others.
     */
    private void noTraceOf(GeneratedWorkspace w, MemberId gone, String name, String email) {
        String ws = prefix(gone);
        String user = gone.user();
        String id = gone.toString();
        for (String key : redis.keys("*")) {
            String where = "key " + key;
            String rest = key.startsWith(ws) ? key.substring(ws.length()) : null;
            if (rest != null) {
                for (String family : PER_MEMBER) {
                    assertThat(rest).as(where).isNotEqualTo(family + user);
                }
                assertThat(rest.startsWith("checkin:") && rest.endsWith(":" + user))
                        .as(where)
                        .isFalse();
            }
            boolean deliveredToOthers = rest != null && rest.startsWith("inbox:");
            DataType type = redis.type(key);
            List<String> values = new ArrayList<>();
            switch (type) {
                case STRING -> {
                    String v = redis.opsForValue().get(key);
                    values.add(
                            key.startsWith("tandem:download:")
                                    ? new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)
                                    : v);
                }
                case SET -> {
                    Set<String> members = redis.opsForSet().members(key);
                    values.addAll(members);
                    if (rest != null) {
                        assertThat(holdsUserIds(rest) && members.contains(user))
                                .as(where)
                                .isFalse();
                        members.forEach(m -> assertThat(m).as(where).doesNotEndWith(":" + user));
                    }
                }
                case ZSET -> {
                    Set<String> members = redis.opsForZSet().range(key, 0, -1);
                    values.addAll(members);
                    if (rest != null) {
                        assertThat(holdsUserIds(rest) && members.contains(user))
                                .as(where)
                                .isFalse();
                        members.forEach(m -> assertThat(m).as(where).doesNotEndWith(":" + user));
                    }
                    // due nudges (queue partitions): "<workspace>|<nudge id>", the id ending with its member
                    members.stream()
                            .filter(m -> m.startsWith(gone.workspace() + "|"))
                            .forEach(m -> assertThat(m).as(where).doesNotEndWith(":" + user));
                }
                case HASH -> {
                    Map<Object, Object> entries = redis.opsForHash().entries(key);
                    entries.forEach((f, v) -> {
                        values.add(String.valueOf(v));
                        if (rest != null && !rest.startsWith("m:") && !rest.startsWith("daily:")) {
                            assertThat(String.valueOf(f)).as(where).isNotEqualTo(user);
                            assertThat(String.valueOf(v))
                                    .as(where + " field " + f)
                                    .isNotEqualTo(user)
                                    .isNotEqualTo(id);
                        }
                        if (rest != null && rest.startsWith("m:")) {
                            assertThat(String.valueOf(v))
                                    .as(where + " field " + f)
                                    .isNotEqualTo(id);
                        }
                        if (email != null) {
                            assertThat(String.valueOf(f)).as(where).isNotEqualToIgnoringCase(email);
                            assertThat(String.valueOf(v)).as(where).isNotEqualToIgnoringCase(email);
                        }
                    });
                }
                case LIST -> values.addAll(redis.opsForList().range(key, 0, -1));
                default -> {}
            }
            for (String value : values) {
                if (value != null && value.startsWith("{") && !deliveredToOthers) {
                    noReference(json.readTree(value), gone, where);
                }
                if (name.startsWith("Quill") && value != null && value.contains(name) && !deliveredToOthers) {
                    boolean othersText = w.mentions.entrySet().stream()
                            .filter(e -> !e.getKey().equals(gone))
                            .flatMap(e -> e.getValue().stream())
                            .anyMatch(value::contains);
                    if (!othersText) {
                        fail("their name %s is still in %s: %s", name, where, value);
                    }
                }
            }
        }
    }

    /** No JSON record or queued message refers to the member: not as a member id, not as its string form. */
    private static void noReference(JsonNode node, MemberId gone, String where) {
        if (node instanceof ObjectNode object) {
            if (object.has("workspace")
                    && object.has("user")
                    && gone.workspace().equals(object.get("workspace").asString())
                    && gone.user().equals(object.get("user").asString())) {
                fail("%s still refers to %s: %s", where, gone, object);
            }
            object.properties().forEach(e -> {
                // a queued notification holds its rendered text and nested JSON as strings
                JsonNode v = e.getValue();
                if (v.isString() && v.asString().startsWith("{")) {
                    try {
                        noReference(new JsonMapper().readTree(v.asString()), gone, where);
                    } catch (JacksonException ignored) {
                        // free text that merely starts with a brace
                    }
                }
                noReference(v, gone, where);
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> noReference(n, gone, where));
        } else if (node.isString() && node.asString().equals(gone.toString())) {
            fail("%s still names %s", where, gone);
        }
    }

    private String everything() {
        return everything(key -> true);
    }

    private String everything(Predicate<String> keys) {
        return RedisContents.text(redis, keys);
    }

    @Test
    void noExportShowsAnotherMembersNoteOrTheAskerOfAnAnonymousQuestion() {
        int anonymousSeen = 0;
        int notesSeen = 0;
        for (long seed : seeds()) {
            empty();
            GeneratedWorkspace w = GeneratedWorkspace.fill(
                    engine, pairStore, requestStore, sessionStore, questions, clock, seed, false);
            settle();
            notesSeen += w.noteMarkers.values().stream().mapToInt(Set::size).sum();
            for (MemberId reader : w.members) {
                JsonNode export = export(reader);
                String text = export.toString();
                w.noteMarkers.forEach((author, markers) ->
                        markers.forEach(marker -> assertThat(author.equals(reader) || !text.contains(marker))
                                .as("seed %d: %s's export shows %s's private note %s", seed, reader, author, marker)
                                .isTrue()));
                for (JsonNode q : export.get("questionsReceived")) {
                    MemberId asker = w.anonymous.get(q.get("id").asString());
                    if (asker != null && !asker.equals(reader)) {
                        anonymousSeen++;
                        assertThat(q.has("askedBy"))
                                .as("seed %d: anonymous question %s", seed, q)
                                .isFalse();
                        assertThat(q.toString()).as("seed %d", seed).doesNotContain(asker.toString());
                    }
                }
                for (JsonNode a : export.get("answers")) {
                    assertThat(a.toString()).as("seed %d", seed).doesNotContain("asker");
                }
            }
        }
        // the property looked at what it is about
        assertThat(anonymousSeen).as("anonymous questions received by others").isPositive();
        assertThat(notesSeen).as("private notes").isPositive();
    }
}
