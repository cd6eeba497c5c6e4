package io.tandem.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local fake of the Bot Framework Connector service (v3 REST API, as Microsoft Teams serves it) on the JDK's HTTP
 * server, bound to 127.0.0.1 on a random port. It records every request and answers like the Connector does, closely
 * enough for the Bot Framework Java SDK 4.14 ({@code RestConversations}) to parse the answers.
 *
 * <pre>{@code
 * try (FakeBotConnector teams = FakeBotConnector.start()) {
 *     String json = teams.activities().personalMessage("help", "aad-1", "Ada Lovelace", "en-GB", "Europe/London");
 *     Activity incoming = new JacksonAdapter().deserialize(json, Activity.class); // its serviceUrl is the fake
 *     teams.failNext(1, Reply.tooManyRequests(2));                                 // one 429, then normal answers
 *     ... drive the adapter ...
 *     Call reply = teams.awaitActivity(Duration.ofSeconds(5));
 *     assertThat(reply.text()).isEqualTo("hi");
 * }
 * }</pre>
 *
 * <p>Endpoints (paths relative to {@link #serviceUrl()}): {@code POST v3/conversations/{id}/activities} (send),
 * {@code POST v3/conversations/{id}/activities/{activityId}} (reply) → 201 {@code {"id":…}};
 * {@code PUT v3/conversations/{id}/activities/{activityId}} (update) → 200 {@code {"id":…}};
 * {@code DELETE v3/conversations/{id}/activities/{activityId}} → 200; {@code POST v3/conversations} (create) → 201
 * {@code {"id","activityId","serviceUrl"}}; {@code GET v3/conversations/{id}/members[/{memberId}]} → Teams channel
 * accounts. Anything else → 404 with an error JSON.
 *
 * <p>Every request becomes a {@link Call} with its path segments percent-decoded (Teams conversation ids hold
 * {@code :}, {@code @} and {@code ;}). A call is recorded once its answer is decided and before the answer is sent,
 * so when an SDK call returns, the fake has recorded it. Thread-safe.
 *
 * <p>JSON is Jackson 2 ({@code com.fasterxml.jackson.databind}), the Jackson the Bot Framework SDK uses.
 */
public final class FakeBotConnector implements AutoCloseable {

    /** The Teams tenant of every incoming activity and of the members the fake makes up. */
    public static final String TENANT_ID = "tenant-1";
    /** The bot's Microsoft App id, and its Teams id ({@code 28:} + app id) and name. */
    public static final String BOT_APP_ID = "bot-app-id";

    public static final String BOT_ID = "28:" + BOT_APP_ID;
    public static final String BOT_NAME = "Tandem";
    /** The Bot Framework channel id of Teams. */
    public static final String CHANNEL_ID = "msteams";
    /** The team and channel of {@link Activities#channelMention}. */
    public static final String TEAM_ID = "19:team@thread.tacv2";

    public static final String TEAMS_CHANNEL_ID = "19:channel@thread.tacv2";
    public static final String CHANNEL_CONVERSATION_ID = TEAMS_CHANNEL_ID + ";messageid=123";
    /** The group chat of {@link Activities#groupChatMessage}. */
    public static final String GROUP_CHAT_ID = "19:group@thread.v2";
    /** The mention of the bot in {@link Activities#channelMention} texts. */
    public static final String BOT_MENTION = "<at>" + BOT_NAME + "</at>";

    private static final String JSON = FakeHttp.JSON;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The personal (1:1) conversation id of a user, as the fake gives them: {@code a:1personal-<aadObjectId>}. */
    public static String personalConversationId(String aadObjectId) {
        return "a:1personal-" + aadObjectId;
    }

    /**
     * One request received, as the SDK sent it. {@code path} is percent-decoded; {@code conversationId} and
     * {@code activityId} are the decoded path parameters (null where the endpoint has none); {@code status} is what
     * the fake answered.
     */
    public record Call(
            String method,
            String path,
            String conversationId,
            String activityId,
            String body,
            Map<String, List<String>> headers,
            Instant at,
            int status) {

        /** The body as JSON, or a {@code MissingNode} if empty or not JSON. */
        public JsonNode json() {
            return parse(body);
        }

        /** The activity's {@code text}, or null. */
        public String text() {
            JsonNode text = json().path("text");
            return text.isTextual() ? text.asText() : null;
        }

        /** The activity's {@code type}, or null. */
        public String type() {
            JsonNode type = json().path("type");
            return type.isTextual() ? type.asText() : null;
        }

        /** Each attachment of the activity as JSON ({@code contentType}, {@code content}, ...), maybe none. */
        public List<JsonNode> attachments() {
            List<JsonNode> attachments = new ArrayList<>();
            json().path("attachments").forEach(attachments::add);
            return attachments;
        }

        /** The {@code Authorization} header ({@code Bearer …}), or null: the SDK sends none without an app id. */
        public String authorization() {
            return header("Authorization");
        }

        /** The first value of a request header (the name is case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** A POST of an activity: a send to a conversation or a reply to an activity. */
        public boolean isActivityPost() {
            String activities = "/v3/conversations/" + conversationId + "/activities";
            return method.equals("POST")
                    && conversationId != null
                    && path.equals(activityId == null ? activities : activities + "/" + activityId);
        }

        /** A POST to {@code v3/conversations/{id}/activities/{activityId}}. */
        public boolean isReply() {
            return isActivityPost() && activityId != null;
        }

        /** Answered with a 2xx status. */
        public boolean accepted() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            String text = text();
            return method + " " + path + " → " + status
                    + (text != null ? " text=\"" + abbreviate(text) + "\"" : "")
                    + (attachments().isEmpty()
                            ? ""
                            : " attachments=" + attachments().size())
                    + (text == null && attachments().isEmpty() && !body.isEmpty() ? " " + abbreviate(body) : "");
        }
    }

    /** An answer: HTTP status, response headers and body. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public Reply {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }

        /** HTTP 200 with this JSON. */
        public static Reply ok(String json) {
            return new Reply(200, Map.of("Content-Type", JSON), json);
        }

        /** This status with {@code {"error":{"code":<code>,"message":<message>}}}, as the Connector fails. */
        public static Reply error(int status, String code, String message) {
            ObjectNode error = NODES.objectNode();
            error.putObject("error").put("code", code).put("message", message);
            return new Reply(status, Map.of("Content-Type", JSON), error.toString());
        }

        /** HTTP 429 with {@code Retry-After} and {@code {"error":{"code":"TooManyRequests",…}}}. */
        public static Reply tooManyRequests(int retryAfterSeconds) {
            return error(429, "TooManyRequests", "Too many requests. Retry after " + retryAfterSeconds + " seconds.")
                    .withHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }

        /** HTTP 404 {@code ConversationNotFound}, as for a conversation that does not exist (or was deleted). */
        public static Reply notFound() {
            return error(404, "ConversationNotFound", "Conversation not found.");
        }

        /** HTTP 403 {@code BotNotInConversationRoster}, as when the user uninstalled the app or blocked the bot. */
        public static Reply forbidden() {
            return error(403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
        }

        /** This HTTP status: with {@code {}} if it is a 2xx, otherwise with no body (like a gateway's 502 page). */
        public static Reply status(int status) {
            return status / 100 == 2 ? ok("{}").withStatus(status) : new Reply(status, Map.of(), "");
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }

        public Reply withStatus(int newStatus) {
            return new Reply(newStatus, headers, body);
        }
    }

    private record Member(String aadObjectId, String name) {}

    private final FakeHttp http;
    private final String base;

    private final RecordedCalls<Call> calls = new RecordedCalls<>();
    private final Object scriptMonitor = new Object();
    private final Deque<Reply> scriptedActivityPosts = new ArrayDeque<>(); // guarded by scriptMonitor
    private final Deque<Reply> scriptedCreates = new ArrayDeque<>(); // guarded by scriptMonitor
    private final Map<String, Member> members = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> missingMembers = ConcurrentHashMap.newKeySet();
    private final List<String> refusals = new ArrayList<>(); // guarded by itself
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private Duration perConversation; // guarded by scriptMonitor
    private int perSecond; // guarded by scriptMonitor
    private final Map<String, Long> lastPostByConversation = new HashMap<>(); // guarded by scriptMonitor
    private final Deque<Long> acceptedInLastSecond = new ArrayDeque<>(); // guarded by scriptMonitor
    private final AtomicLong activityIds = new AtomicLong(1_700_000_000_000L);
    private final AtomicInteger conversationIds = new AtomicInteger();

    private FakeBotConnector() {
        http = FakeHttp.serve("the fake Bot Connector", "fake-bot-connector", this::handle);
        base = http.baseUrl() + "/";
    }

    /** Starts a fake on a free port of 127.0.0.1. */
    public static FakeBotConnector start() {
        return new FakeBotConnector();
    }

    @Override
    public void close() {
        http.close();
        unseenRefusals();
    }

    /**
     * Activities this fake refused because Teams would have ({@link AdaptiveCardRules}), oldest first; a test that
     * means to send one reads them here, which counts as seen. Any left unseen fail the test at {@link #reset} or
     * {@link #close}: every test that talks to this fake is also a check of what Teams accepts.
     */
    public List<String> refusals() {
        synchronized (refusals) {
            List<String> seen = List.copyOf(refusals);
            refusals.clear();
            return seen;
        }
    }

    private void unseenRefusals() {
        List<String> unseen = refusals();
        if (!unseen.isEmpty()) {
            throw new AssertionError(
                    "Teams would have refused " + unseen.size() + " activit(ies):\n" + String.join("\n", unseen));
        }
    }

    // ---------------------------------------------------------------- addresses and incoming activities

    /** {@code http://127.0.0.1:<port>/}: the {@code serviceUrl} of incoming activities; the SDK calls {@code <it>v3/…}. */
    public String serviceUrl() {
        return base;
    }

    /** Builds incoming activities (as Teams POSTs them to the bot) whose {@code serviceUrl} is this fake. */
    public Activities activities() {
        return new Activities(base);
    }

    // ---------------------------------------------------------------- set-up

    /**
     * Registers a member (a user of {@link #TENANT_ID}) for {@code GET …/members}: returned for every team, channel
     * and group chat conversation, and by id ({@code 29:<aad>} or the AAD object id).
     */
    public FakeBotConnector addMember(String aadObjectId, String name) {
        missingMembers.remove(aadObjectId);
        members.put(aadObjectId, new Member(aadObjectId, name));
        return this;
    }

    /** Makes {@code GET …/members/{id}} answer 404 {@code MemberNotFoundInConversation} for this user. */
    public FakeBotConnector addMissingMember(String aadObjectId) {
        members.remove(aadObjectId);
        missingMembers.add(aadObjectId);
        return this;
    }

    /** Answers the next {@code times} activity POSTs (sends and replies) with {@code reply}, then normally again. */
    public void failNext(int times, Reply reply) {
        synchronized (scriptMonitor) {
            for (int i = 0; i < times; i++) {
                scriptedActivityPosts.addLast(reply);
            }
        }
    }

    /** Answers the next {@code times} {@code POST v3/conversations} (create conversation) with {@code reply}. */
    public void failNextCreateConversation(int times, Reply reply) {
        synchronized (scriptMonitor) {
            for (int i = 0; i < times; i++) {
                scriptedCreates.addLast(reply);
            }
        }
    }

    /**
     * Rate limits on activity posts, answered 429 with {@code Retry-After: 1} as the Connector does: one post per
     * {@code perConversation} to a conversation, and {@code perSecond} posts in any rolling second (0: no limit).
     */
    public void limit(Duration perConversation, int perSecond) {
        synchronized (scriptMonitor) {
            this.perConversation = perConversation;
            this.perSecond = perSecond;
            lastPostByConversation.clear();
            acceptedInLastSecond.clear();
        }
    }

    /**
     * Forgets calls, scripted failures, limits and counts (registered and missing members stay); fails if Teams would
     * have refused an activity no test read ({@link #refusals}).
     */
    public void reset() {
        unseenRefusals();
        synchronized (scriptMonitor) {
            perConversation = null;
            perSecond = 0;
            lastPostByConversation.clear();
            acceptedInLastSecond.clear();
            scriptedActivityPosts.clear();
            scriptedCreates.clear();
            accepted.set(0);
            refused.set(0);
        }
        calls.clear();
    }

    // ---------------------------------------------------------------- what was received

    /** Activity POSTs answered with a 2xx status. */
    public int accepted() {
        return accepted.get();
    }

    /** Activity POSTs answered with any other status (429, 403, 404, 5xx ...). */
    public int refused() {
        return refused.get();
    }

    /** Every request received, oldest first. */
    public List<Call> calls() {
        return calls.all();
    }

    /** Activity POSTs received (sends and replies, whatever the answer), oldest first. */
    public List<Call> sentActivities() {
        return calls.matching(Call::isActivityPost);
    }

    /** Activity POSTs received for this conversation (sends and replies, whatever the answer), oldest first. */
    public List<Call> sentActivities(String conversationId) {
        return sentActivities().stream()
                .filter(c -> conversationId.equals(c.conversationId()))
                .toList();
    }

    /** Waits for an activity POST and returns the first one; fails listing what was received instead. */
    public Call awaitActivity(Duration timeout) {
        return awaitActivities(1, timeout).get(0);
    }

    /** Waits for {@code count} activity POSTs; returns all received so far, oldest first (maybe more). */
    public List<Call> awaitActivities(int count, Duration timeout) {
        return calls.await(Call::isActivityPost, count, timeout, "activity POST(s)", "activities");
    }

    // ---------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
            List<String> segments = segments(exchange.getRequestURI().getRawPath());
            Route route = route(method, segments);
            Reply reply;
            try {
                reply = answer(route, method, body);
            } catch (RuntimeException e) {
                e.printStackTrace();
                reply = Reply.error(500, "ServiceError", "fake handler failed: " + e);
            }
            if (route.kind == Kind.SEND || route.kind == Kind.REPLY) {
                (reply.status() / 100 == 2 ? accepted : refused).incrementAndGet();
            }
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            Call call = new Call(
                    method,
                    "/" + String.join("/", segments),
                    route.conversationId,
                    route.activityId,
                    body,
                    Collections.unmodifiableMap(headers),
                    Instant.now(),
                    reply.status());
            calls.add(call);
            FakeHttp.send(exchange, reply.status(), reply.headers(), reply.body());
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        }
    }

    private enum Kind {
        SEND,
        REPLY,
        UPDATE,
        DELETE,
        CREATE,
        MEMBERS,
        MEMBER,
        UNKNOWN
    }

    private record Route(Kind kind, String conversationId, String activityId, String memberId) {}

    private static Route route(String method, List<String> s) {
        int n = s.size();
        if (n < 2 || !s.get(0).equals("v3") || !s.get(1).equals("conversations")) {
            return new Route(Kind.UNKNOWN, null, null, null);
        }
        if (n == 2) {
            return new Route(method.equals("POST") ? Kind.CREATE : Kind.UNKNOWN, null, null, null);
        }
        String conversation = s.get(2);
        if (n >= 4 && s.get(3).equals("activities")) {
            if (n == 4) {
                return new Route(method.equals("POST") ? Kind.SEND : Kind.UNKNOWN, conversation, null, null);
            }
            String activity = s.get(4);
            if (n == 5 && !(method.equals("POST") && activity.equals("history"))) { // history: not in Teams
                Kind kind = switch (method) {
                    case "POST" -> Kind.REPLY;
                    case "PUT" -> Kind.UPDATE;
                    case "DELETE" -> Kind.DELETE;
                    default -> Kind.UNKNOWN;
                };
                return new Route(kind, conversation, activity, null);
            }
            return new Route(Kind.UNKNOWN, conversation, activity, null);
        }
        if (n >= 4 && s.get(3).equals("members") && method.equals("GET")) {
            if (n == 4) {
                return new Route(Kind.MEMBERS, conversation, null, null);
            }
            if (n == 5) {
                return new Route(Kind.MEMBER, conversation, null, s.get(4));
            }
        }
        return new Route(Kind.UNKNOWN, conversation, null, null);
    }

    private Reply answer(Route route, String method, String body) {
        synchronized (scriptMonitor) {
            Deque<Reply> script = switch (route.kind) {
                case SEND, REPLY -> scriptedActivityPosts;
                case CREATE -> scriptedCreates;
                default -> null;
            };
            if (script != null && !script.isEmpty()) {
                return script.pollFirst();
            }
            if (route.kind == Kind.SEND || route.kind == Kind.REPLY) {
                long now = System.nanoTime();
                while (!acceptedInLastSecond.isEmpty() && now - acceptedInLastSecond.peekFirst() >= 1_000_000_000L) {
                    acceptedInLastSecond.pollFirst();
                }
                Long last = lastPostByConversation.get(route.conversationId);
                if (perConversation != null && last != null && now - last < perConversation.toNanos()
                        || perSecond > 0 && acceptedInLastSecond.size() >= perSecond) {
                    return Reply.tooManyRequests(1);
                }
                if (perConversation != null) {
                    lastPostByConversation.put(route.conversationId, now);
                }
                if (perSecond > 0) {
                    acceptedInLastSecond.addLast(now);
                }
            }
        }
        if (route.kind == Kind.SEND || route.kind == Kind.REPLY || route.kind == Kind.UPDATE) {
            Reply invalid = strict(route, body);
            if (invalid != null) {
                return invalid;
            }
        }
        return switch (route.kind) {
            case SEND, REPLY -> created(NODES.objectNode().put("id", nextActivityId()));
            case UPDATE ->
                Reply.ok(NODES.objectNode().put("id", route.activityId).toString());
            case DELETE -> new Reply(200, Map.of(), "");
            case CREATE -> createConversation(parse(body));
            case MEMBERS -> membersOf(route.conversationId);
            case MEMBER -> member(route.memberId);
            case UNKNOWN ->
                Reply.error(
                        404,
                        "NotFound",
                        "The fake Bot Connector has no endpoint " + method + " "
                                + (route.conversationId == null ? "" : "for conversation " + route.conversationId));
        };
    }

    /** Teams' answer to an activity it refuses (too large, a card it cannot render), or null if it accepts it. */
    private Reply strict(Route route, String body) {
        List<String> broken = AdaptiveCardRules.activity(body);
        if (broken.isEmpty()) {
            return null;
        }
        synchronized (refusals) {
            refusals.add(route.kind + " " + route.conversationId + ": " + String.join("; ", broken));
        }
        return AdaptiveCardRules.utf16Bytes(body) > AdaptiveCardRules.MESSAGE_LIMIT_BYTES
                ? Reply.error(413, "MessageSizeTooBig", "Message size too large")
                : Reply.error(400, "BadArgument", "Invalid Adaptive Card: " + broken.get(0));
    }

    /** A 1:1 conversation with {@code members[0]} gets {@link #personalConversationId}; others a new id. */
    private Reply createConversation(JsonNode parameters) {
        JsonNode first = parameters.path("members").path(0);
        String aad = first.path("aadObjectId").asText("");
        if (aad.isEmpty() && first.path("id").asText("").startsWith("29:")) {
            aad = first.path("id").asText().substring(3);
        }
        boolean oneToOne = !parameters.path("isGroup").asBoolean(false)
                && parameters.path("members").size() == 1;
        String id = oneToOne && !aad.isEmpty()
                ? personalConversationId(aad)
                : "19:conversation-" + conversationIds.incrementAndGet() + "@thread.v2";
        return created(NODES.objectNode()
                .put("id", id)
                .put("activityId", nextActivityId())
                .put("serviceUrl", base));
    }

    /** Personal conversations ({@code a:1personal-<aad>}) hold their user; others every registered member. */
    private Reply membersOf(String conversationId) {
        ArrayNode list = NODES.arrayNode();
        String prefix = personalConversationId("");
        if (conversationId.startsWith(prefix)) {
            String aad = conversationId.substring(prefix.length());
            list.add(account(members.getOrDefault(aad, defaultMember(aad))));
        } else {
            synchronized (members) {
                members.values().forEach(m -> list.add(account(m)));
            }
        }
        return Reply.ok(list.toString());
    }

    /** A registered member, 404 for a missing one, otherwise one made up from the id. */
    private Reply member(String memberId) {
        String aad = memberId.startsWith("29:") ? memberId.substring(3) : memberId;
        if (missingMembers.contains(aad)) {
            return Reply.error(404, "MemberNotFoundInConversation", "The member was not found in the conversation.");
        }
        return Reply.ok(account(members.getOrDefault(aad, defaultMember(aad))).toString());
    }

    private static Member defaultMember(String aad) {
        return new Member(aad, "User " + aad);
    }

    /** A {@code TeamsChannelAccount}. */
    private static ObjectNode account(Member member) {
        String login = member.name()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", ".")
                        .replaceAll("^\\.|\\.$", "") + "@tandem-test.example";
        int space = member.name().indexOf(' ');
        ObjectNode account = NODES.objectNode()
                .put("id", "29:" + member.aadObjectId())
                .put("name", member.name())
                .put("aadObjectId", member.aadObjectId())
                .put("givenName", space < 0 ? member.name() : member.name().substring(0, space));
        if (space >= 0) {
            account.put("surname", member.name().substring(space + 1));
        }
        return account.put("email", login)
                .put("userPrincipalName", login)
                .put("tenantId", TENANT_ID)
                .put("userRole", "user");
    }

    private String nextActivityId() {
        return String.valueOf(activityIds.incrementAndGet());
    }

    private static Reply created(ObjectNode json) {
        return new Reply(201, Map.of("Content-Type", JSON), json.toString());
    }

    // ---------------------------------------------------------------- helpers

    /** The raw path's segments, each percent-decoded ({@code +} stays a plus: this is a path, not a form). */
    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(percentDecode(raw));
            }
        }
        return segments;
    }

    private static String percentDecode(String raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.writeBytes(String.valueOf(c).getBytes(UTF_8));
        }
        return out.toString(UTF_8);
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }

    // ---------------------------------------------------------------- incoming activities

    /**
     * Incoming activities as Teams POSTs them to the bot's messaging endpoint, as JSON text: deserialize them with the
     * SDK's {@code JacksonAdapter} or post them to the app. Each has a unique {@code id}, an ISO {@code timestamp}
     * (and {@code localTimestamp} in the user's zone), {@code channelId} {@value #CHANNEL_ID}, the given
     * {@code serviceUrl}, {@code from} ({@code 29:<aad>}, name, {@code aadObjectId}), {@code recipient} (the bot,
     * {@value #BOT_ID}), {@code conversation} (with {@code conversationType} and {@code tenantId}), {@code channelData}
     * with the tenant, {@code locale}, {@code localTimezone} and a {@code clientInfo} entity with both.
     */
    public static final class Activities {

        private static final AtomicLong IDS = new AtomicLong(1_600_000_000_000L);

        private final String serviceUrl;

        public Activities(String serviceUrl) {
            this.serviceUrl = serviceUrl;
        }

        /** A message in the user's personal (1:1) chat with the bot, conversation {@code a:1personal-<aad>}. */
        public String personalMessage(String text, String aadObjectId, String name, String locale, String timezone) {
            ObjectNode activity = base("message", personal(aadObjectId), aadObjectId, name, locale, timezone);
            activity.put("text", text).put("textFormat", "plain");
            return activity.toString();
        }

        /**
         * A channel message mentioning the bot, e.g. {@code "<at>Tandem</at> join"}; conversation
         * {@value #CHANNEL_CONVERSATION_ID} ({@code conversationType} channel), {@code channelData} with the team
         * and channel, and a {@code mention} entity for {@value #BOT_MENTION}.
         */
        public String channelMention(
                String textWithAtTag, String aadObjectId, String name, String locale, String timezone) {
            ObjectNode conversation = NODES.objectNode()
                    .put("isGroup", true)
                    .put("conversationType", "channel")
                    .put("tenantId", TENANT_ID)
                    .put("id", CHANNEL_CONVERSATION_ID);
            ObjectNode activity = base("message", conversation, aadObjectId, name, locale, timezone);
            activity.put("text", textWithAtTag).put("textFormat", "plain");
            ObjectNode channelData = (ObjectNode) activity.get("channelData");
            channelData.put("teamsChannelId", TEAMS_CHANNEL_ID).put("teamsTeamId", TEAM_ID);
            channelData.putObject("channel").put("id", TEAMS_CHANNEL_ID).put("name", "General");
            channelData.putObject("team").put("id", TEAM_ID).put("name", "Tandem Test Team");
            channelData.put("tenant", NODES.objectNode().put("id", TENANT_ID)); // keep tenant last, as Teams does
            ((ArrayNode) activity.get("entities")).insert(0, mention());
            return activity.toString();
        }

        /**
         * A message in the group chat {@value #GROUP_CHAT_ID} ({@code conversationType} groupChat); with a
         * {@code mention} entity if the text holds {@value #BOT_MENTION}.
         */
        public String groupChatMessage(String text, String aadObjectId, String name, String locale, String timezone) {
            ObjectNode conversation = NODES.objectNode()
                    .put("isGroup", true)
                    .put("conversationType", "groupChat")
                    .put("tenantId", TENANT_ID)
                    .put("id", GROUP_CHAT_ID);
            ObjectNode activity = base("message", conversation, aadObjectId, name, locale, timezone);
            activity.put("text", text).put("textFormat", "plain");
            if (text != null && text.contains(BOT_MENTION)) {
                ((ArrayNode) activity.get("entities")).insert(0, mention());
            }
            return activity.toString();
        }

        /** An {@code Action.Submit} of a card in the personal chat: a message with {@code value} and no text. */
        public String cardSubmit(
                Map<String, Object> value, String aadObjectId, String name, String locale, String timezone) {
            return cardSubmit(String.valueOf(IDS.incrementAndGet()), value, aadObjectId, name, locale, timezone);
        }

        /** {@link #cardSubmit(Map, String, String, String, String)} from the card sent as {@code cardActivityId}. */
        public String cardSubmit(
                String cardActivityId,
                Map<String, Object> value,
                String aadObjectId,
                String name,
                String locale,
                String timezone) {
            ObjectNode activity = base("message", personal(aadObjectId), aadObjectId, name, locale, timezone);
            activity.put("replyToId", cardActivityId);
            activity.set("value", MAPPER.valueToTree(value));
            ((ObjectNode) activity.get("channelData")).putObject("source").put("name", "message");
            return activity.toString();
        }

        /**
         * An {@code Action.Execute} (Universal Action) in the personal chat: an {@code invoke} named
         * {@code adaptiveCard/action} with {@code value: {"action":{"type":"Action.Execute","verb":…,"data":…},
         * "trigger":"manual"}}. The bot must answer it with an invoke response.
         */
        public String invokeAction(
                String verb,
                Map<String, Object> data,
                String aadObjectId,
                String name,
                String locale,
                String timezone) {
            ObjectNode activity = base("invoke", personal(aadObjectId), aadObjectId, name, locale, timezone);
            activity.put("name", "adaptiveCard/action").put("replyToId", String.valueOf(IDS.incrementAndGet()));
            ObjectNode value = activity.putObject("value");
            value.putObject("action")
                    .put("type", "Action.Execute")
                    .put("verb", verb)
                    .set("data", MAPPER.valueToTree(data));
            value.put("trigger", "manual");
            ((ObjectNode) activity.get("channelData")).putObject("source").put("name", "message");
            return activity.toString();
        }

        /**
         * The app installed in the user's personal scope: a {@code conversationUpdate} in {@code a:1personal-<aad>}
         * from the user, whose {@code membersAdded} holds the user ({@code 29:<aad>} with {@code aadObjectId}) and
         * the bot ({@value #BOT_ID}). Without {@code locale} and {@code localTimezone}: check what a handler does
         * without them; see {@link #membersAdded(String, String, String, String)}.
         */
        public String membersAdded(String aadObjectId, String name) {
            return membersAdded(aadObjectId, name, null, null);
        }

        /** {@link #membersAdded(String, String)} with a {@code locale} and {@code localTimezone} (null: none). */
        public String membersAdded(String aadObjectId, String name, String locale, String timezone) {
            ObjectNode activity =
                    base("conversationUpdate", personal(aadObjectId), aadObjectId, name, locale, timezone);
            ArrayNode added = activity.putArray("membersAdded");
            added.add(NODES.objectNode().put("id", "29:" + aadObjectId).put("aadObjectId", aadObjectId));
            added.add(NODES.objectNode().put("id", BOT_ID));
            if (locale == null && timezone == null) {
                activity.remove("entities");
            }
            return activity.toString();
        }

        private static ObjectNode personal(String aadObjectId) {
            return NODES.objectNode()
                    .put("conversationType", "personal")
                    .put("tenantId", TENANT_ID)
                    .put("id", personalConversationId(aadObjectId));
        }

        /** Always every field, as Teams sends them: {@code toString()} drops zero seconds and fractions. */
        private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

        private static ObjectNode mention() {
            ObjectNode mention = NODES.objectNode().put("type", "mention").put("text", BOT_MENTION);
            mention.putObject("mentioned").put("id", BOT_ID).put("name", BOT_NAME);
            return mention;
        }

        private ObjectNode base(
                String type, ObjectNode conversation, String aadObjectId, String name, String locale, String timezone) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ObjectNode activity = NODES.objectNode()
                    .put("type", type)
                    .put("id", String.valueOf(IDS.incrementAndGet()))
                    .put("timestamp", STAMP.format(now.atOffset(ZoneOffset.UTC)));
            ZoneId zone = zoneOrNull(timezone);
            if (zone != null) {
                activity.put("localTimestamp", STAMP.format(now.atZone(zone).toOffsetDateTime()));
            }
            if (timezone != null) {
                activity.put("localTimezone", timezone);
            }
            activity.put("serviceUrl", serviceUrl).put("channelId", CHANNEL_ID);
            activity.putObject("from")
                    .put("id", "29:" + aadObjectId)
                    .put("name", name)
                    .put("aadObjectId", aadObjectId);
            activity.set("conversation", conversation);
            activity.putObject("recipient").put("id", BOT_ID).put("name", BOT_NAME);
            ObjectNode clientInfo = NODES.objectNode().put("type", "clientInfo");
            if (locale != null) {
                clientInfo.put("locale", locale);
            }
            clientInfo.put("country", country(locale)).put("platform", "Web");
            if (timezone != null) {
                clientInfo.put("timezone", timezone);
            }
            activity.putArray("entities").add(clientInfo);
            activity.putObject("channelData").putObject("tenant").put("id", TENANT_ID);
            if (locale != null) {
                activity.put("locale", locale);
            }
            return activity;
        }

        private static String country(String locale) {
            String country = locale == null ? "" : Locale.forLanguageTag(locale).getCountry();
            return country.isEmpty() ? "US" : country;
        }

        private static ZoneId zoneOrNull(String timezone) {
            try {
                return timezone == null ? null : ZoneId.of(timezone);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }
}
