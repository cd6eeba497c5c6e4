package io.tandem.support;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A local fake of Slack's Web API (plus {@code response_url}s and file upload URLs) on the JDK's HTTP server,
 * bound to 127.0.0.1 on a random port. It records every request and answers like Slack does, closely enough for
 * the Java Slack SDK to parse the answers into its response classes.
 *
 * <pre>{@code
 * try (FakeSlackApi slack = FakeSlackApi.start()) {
 *     SlackConfig config = new SlackConfig();
 *     config.setMethodsEndpointUrlPrefix(slack.apiUrl());        // the SDK POSTs to <prefix><method>
 *     slack.addUser("U1", "Ada Lovelace", "Europe/London", "en-GB");
 *     slack.failNext("chat.postMessage", Reply.rateLimited(2), 1); // one 429, then normal answers
 *     ... drive the adapter ...
 *     Call post = slack.awaitCall("chat.postMessage", Duration.ofSeconds(5));
 *     assertThat(post.param("channel")).isEqualTo("DU1");
 * }
 * }</pre>
 *
 * <p>Every request becomes a {@link Call}: form and JSON bodies are parsed into {@code params} (JSON-valued
 * arguments such as {@code blocks} or {@code view} stay JSON text) and the bearer token is recorded as the
 * {@code token} param. A call is recorded once its answer is decided and before the answer is sent, so when an SDK
 * call returns, the fake has recorded it. Answers are chosen in this order: {@link #failNext scripted failures},
 * then the rate limits ({@link #limitPostMessagePerChannel}, {@link #limitWorkspace}), then a handler set with
 * {@link #on}, then {@link #defaultAnswer}. Thread-safe.
 */
public final class FakeSlackApi implements AutoCloseable {

    public static final String TEAM_ID = "T0TEST";
    public static final String BOT_USER_ID = "U0BOT";
    public static final String BOT_ID = "B0BOT";
    /** The method name of a POST to a {@link #responseUrl(String)}; its id is the param {@code response_url_id}. */
    public static final String RESPONSE_URL = "response_url";
    /** The method name of an upload to a URL {@code files.getUploadURLExternal} gave; see param {@code file_id}. */
    public static final String UPLOAD = "upload";

    /** The method name of a download of a file shared with the app ({@code url_private_download}). */
    public static final String DOWNLOAD = "download";

    private static final String JSON = FakeHttp.JSON;
    private static final String AUTH_TEST = "{\"ok\":true,\"url\":\"https://tandem-test.slack.com/\","
            + "\"team\":\"Tandem Test\",\"user\":\"tandem\",\"team_id\":\"T0TEST\",\"user_id\":\"U0BOT\","
            + "\"bot_id\":\"B0BOT\"}";

    /** One request received: the Slack method (or {@code response_url} / {@code upload}), its params and more. */
    public record Call(
            String method, Map<String, String> params, String rawBody, Map<String, List<String>> headers, Instant at) {

        public String param(String name) {
            return params.get(name);
        }

        public String token() {
            return params.get("token");
        }

        /** The first value of a request header (the name is case-insensitive), or null. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return method + " "
                    + params.entrySet().stream()
                            .map(e -> e.getKey() + "=" + abbreviate(e.getValue()))
                            .collect(Collectors.joining(", ", "{", "}"));
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

        /** HTTP 200 with {@code {"ok":false,"error":<slackError>}}, as Slack answers a failed call. */
        public static Reply error(String slackError) {
            return ok(json("ok", false, "error", slackError).toString());
        }

        /** HTTP 429 with {@code Retry-After} and {@code {"ok":false,"error":"ratelimited"}}. */
        public static Reply rateLimited(int retryAfterSeconds) {
            return new Reply(
                    429,
                    Map.of("Content-Type", JSON, "Retry-After", String.valueOf(retryAfterSeconds)),
                    "{\"ok\":false,\"error\":\"ratelimited\"}");
        }

        /** This HTTP status: with {@code {"ok":true}} if it is a 2xx, otherwise with no body (like a 503 page). */
        public static Reply status(int status) {
            return status / 100 == 2
                    ? new Reply(status, Map.of("Content-Type", JSON), "{\"ok\":true}")
                    : new Reply(status, Map.of(), "");
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body);
        }
    }

    private record User(String id, String realName, ZoneId tz, String locale) {}

    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final Map<String, String> hosted = new ConcurrentHashMap<>();

    private final FakeHttp http;
    private final String base;

    private final RecordedCalls<Call> calls = new RecordedCalls<>();
    private final Map<String, Function<Call, Reply>> handlers = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Set<String> missingUsers = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    private final Object limitsMonitor = new Object();
    private final Map<String, Deque<Reply>> scripted = new HashMap<>(); // the rest guarded by limitsMonitor
    private Duration postMessageInterval;
    private final Map<String, Long> lastPostByChannel = new HashMap<>();
    private final Map<String, Integer> perSecondLimits = new HashMap<>();
    private final Map<String, Deque<Long>> acceptedInLastSecond = new HashMap<>();

    private final AtomicLong tsMicros = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> refusals = new ArrayList<>();
    /** Messages posted per channel, oldest first, as conversations.history gives them back. */
    private final Map<String, List<JsonObject>> history = new ConcurrentHashMap<>();

    private FakeSlackApi() {
        http = FakeHttp.serve("the fake Slack API", "fake-slack", this::handle);
        base = http.baseUrl();
    }

    /** Starts a fake on a free port of 127.0.0.1. */
    public static FakeSlackApi start() {
        return new FakeSlackApi();
    }

    @Override
    public void close() {
        http.close();
        unseenRefusals();
    }

    /**
     * Payloads this fake refused because Slack would have ({@link BlockKitRules}), oldest first; a test that means to
     * send one reads them here, which counts as seen. Any left unseen fail the test at {@link #reset} or {@link
     * #close}:
     * every test that talks to this fake is also a check of what Slack accepts.
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
                    "Slack would have refused " + unseen.size() + " payload(s):\n" + String.join("\n", unseen));
        }
    }

    // ---------------------------------------------------------------- addresses

    /** The value for {@code SlackConfig.setMethodsEndpointUrlPrefix}: {@code http://127.0.0.1:<port>/api/}. */
    public String apiUrl() {
        return base + "/api/";
    }

    /** A {@code response_url} for command or action payloads; POSTs there are recorded as {@code response_url}. */
    public String responseUrl(String id) {
        return base + "/respond/" + URLEncoder.encode(id, UTF_8);
    }

    // ---------------------------------------------------------------- set-up

    /** Registers a user for {@code users.info}. */
    public FakeSlackApi addUser(String id, String realName, String tz, String locale) {
        missingUsers.remove(id);
        users.put(id, new User(id, realName, ZoneId.of(tz), locale));
        return this;
    }

    /** Hosts a file shared with the app; returns its {@code url_private_download} (which needs the bot token). */
    public String hostFile(String id, String content) {
        hosted.put(id, content);
        return base + "/files-pri/" + id;
    }

    /** Gives a user an email in {@code users.info} (as with the users:read.email scope). */
    public FakeSlackApi withEmail(String id, String email) {
        emails.put(id, email);
        return this;
    }

    /** Makes a registered user a workspace admin in {@code users.info}. */
    public FakeSlackApi makeAdmin(String id) {
        admins.add(id);
        return this;
    }

    /** Makes {@code users.info} answer {@code user_not_found} for this id. */
    public FakeSlackApi addMissingUser(String id) {
        users.remove(id);
        missingUsers.add(id);
        return this;
    }

    /** Answers every later call of {@code method} with {@code handler} (after scripted failures and limits). */
    public void on(String method, Function<Call, Reply> handler) {
        handlers.put(method, handler);
    }

    /** Answers the next {@code times} calls of {@code method} with {@code reply}, e.g. two 429s then normal. */
    public void failNext(String method, Reply reply, int times) {
        synchronized (limitsMonitor) {
            Deque<Reply> queue = scripted.computeIfAbsent(method, m -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.addLast(reply);
            }
        }
    }

    /**
     * Refuses (429) a {@code chat.postMessage} to a channel that was accepted one less than {@code perMessage} ago;
     * {@code Retry-After} is the wait left in seconds, rounded up, at least 1. Refused posts do not count.
     */
    public void limitPostMessagePerChannel(Duration perMessage) {
        synchronized (limitsMonitor) {
            postMessageInterval = perMessage;
            lastPostByChannel.clear();
        }
    }

    /**
     * Refuses (429, {@code Retry-After: 1}) a call of {@code method} once {@code perSecond} of them were accepted in
     * the last second (a rolling window).
     */
    public void limitWorkspace(String method, int perSecond) {
        synchronized (limitsMonitor) {
            perSecondLimits.put(method, perSecond);
            acceptedInLastSecond.remove(method);
        }
    }

    /** Forgets calls, handlers, scripted failures, limits and counts (registered users stay). */
    public void reset() {
        unseenRefusals();
        synchronized (limitsMonitor) {
            handlers.clear();
            scripted.clear();
            postMessageInterval = null;
            lastPostByChannel.clear();
            perSecondLimits.clear();
            acceptedInLastSecond.clear();
            accepted.clear();
            refused.clear();
        }
        calls.clear();
        history.clear();
    }

    // ---------------------------------------------------------------- what was received

    /** Calls of {@code method} answered with a 2xx status. */
    public int accepted(String method) {
        AtomicInteger count = accepted.get(method);
        return count == null ? 0 : count.get();
    }

    /** Calls of {@code method} answered with 429. */
    public int refused(String method) {
        AtomicInteger count = refused.get(method);
        return count == null ? 0 : count.get();
    }

    public List<Call> calls() {
        return calls.all();
    }

    public List<Call> calls(String method) {
        return calls.matching(c -> c.method().equals(method));
    }

    /** Waits for a call of {@code method} and returns the first one; fails listing what was received instead. */
    public Call awaitCall(String method, Duration timeout) {
        return awaitCalls(method, 1, timeout).get(0);
    }

    /** Waits for {@code count} calls of {@code method}; returns all received so far, oldest first (maybe more). */
    public List<Call> awaitCalls(String method, int count, Duration timeout) {
        return calls.await(c -> c.method().equals(method), count, timeout, "call(s) of " + method, method);
    }

    // ---------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Call call = read(exchange);
            Reply reply;
            try {
                reply = answer(call);
            } catch (RuntimeException e) {
                e.printStackTrace();
                reply = new Reply(
                        500,
                        Map.of("Content-Type", JSON),
                        Reply.error("fake_handler_failed: " + e).body());
            }
            if (reply.status() == 429) {
                refused.computeIfAbsent(call.method(), m -> new AtomicInteger()).incrementAndGet();
            } else if (reply.status() / 100 == 2) {
                accepted.computeIfAbsent(call.method(), m -> new AtomicInteger())
                        .incrementAndGet();
            }
            calls.add(call);
            FakeHttp.send(exchange, reply.status(), reply.headers(), reply.body());
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        }
    }

    private static Call read(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String raw = new String(bytes, UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
                .toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), params);
        if (contentType.contains("json")) {
            parseJson(raw, params);
        } else if (contentType.contains("x-www-form-urlencoded")) {
            parseForm(raw, params);
        }
        String method = path;
        if (path.startsWith("/api/")) {
            method = path.substring("/api/".length());
        } else if (path.startsWith("/respond/")) {
            method = RESPONSE_URL;
            params.put("response_url_id", URLDecoder.decode(path.substring("/respond/".length()), UTF_8));
        } else if (path.startsWith("/files-pri/")) {
            method = DOWNLOAD;
            params.put("file_id", URLDecoder.decode(path.substring("/files-pri/".length()), UTF_8));
        } else if (path.startsWith("/upload/")) {
            method = UPLOAD;
            params.put("file_id", URLDecoder.decode(path.substring("/upload/".length()), UTF_8));
            params.put("length", String.valueOf(bytes.length));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            params.put("token", authorization.substring(7).trim());
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new Call(
                method, Collections.unmodifiableMap(params), raw, Collections.unmodifiableMap(headers), Instant.now());
    }

    private static void parseForm(String encoded, Map<String, String> params) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
            if (!name.isEmpty()) {
                params.put(name, value);
            }
        }
    }

    /** Top-level fields: strings, numbers and booleans as text, objects and arrays as JSON text, nulls left out. */
    private static void parseJson(String raw, Map<String, String> params) {
        JsonElement json;
        try {
            json = JsonParser.parseString(raw);
        } catch (RuntimeException e) {
            return; // not JSON after all: rawBody still has it
        }
        if (json != null && json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(e -> {
                JsonElement value = e.getValue();
                if (value.isJsonPrimitive()) {
                    params.put(e.getKey(), value.getAsString());
                } else if (!value.isJsonNull()) {
                    params.put(e.getKey(), value.toString());
                }
            });
        }
    }

    private Reply answer(Call call) {
        synchronized (limitsMonitor) {
            Deque<Reply> queue = scripted.get(call.method());
            if (queue != null && !queue.isEmpty()) {
                return queue.pollFirst();
            }
            Reply limited = applyLimits(call);
            if (limited != null) {
                return limited;
            }
        }
        Reply invalid = strict(call);
        if (invalid != null) {
            return invalid;
        }
        Function<Call, Reply> handler = handlers.get(call.method());
        return handler != null ? handler.apply(call) : defaultAnswer(call);
    }

    /** Slack's answer to a payload it refuses (Block Kit's rules, message length), or null if it accepts it. */
    private Reply strict(Call call) {
        List<String> broken;
        Reply answer;
        switch (call.method()) {
            case "chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage", RESPONSE_URL -> {
                broken = new ArrayList<>(BlockKitRules.message(parseOrNull(call.param("blocks"))));
                String text = call.param("text");
                if (text != null && text.length() > 40_000) {
                    broken.add("text: " + text.length() + " characters, at most 40,000");
                }
                answer = call.method().equals(RESPONSE_URL)
                        ? new Reply(400, Map.of("Content-Type", "text/plain"), "invalid_blocks")
                        : Reply.error(text != null && text.length() > 40_000 ? "msg_too_long" : "invalid_blocks");
            }
            case "views.open", "views.push", "views.update", "views.publish" -> {
                broken = BlockKitRules.view(parseOrNull(call.param("view")));
                answer = Reply.error("invalid_arguments");
            }
            default -> {
                return null;
            }
        }
        if (broken.isEmpty()) {
            return null;
        }
        synchronized (refusals) {
            refusals.add(call.method() + ": " + String.join("; ", broken));
        }
        return answer;
    }

    /** A 429 if a limit refuses the call; otherwise counts it against the limits and answers null. */
    private Reply applyLimits(Call call) {
        long now = System.nanoTime();
        String channel = call.params().getOrDefault("channel", "");
        boolean perChannel = postMessageInterval != null && call.method().equals("chat.postMessage");
        if (perChannel) {
            Long last = lastPostByChannel.get(channel);
            long wait = last == null ? 0 : postMessageInterval.toNanos() - (now - last);
            if (wait > 0) {
                return Reply.rateLimited((int) Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
            }
        }
        Integer perSecond = perSecondLimits.get(call.method());
        Deque<Long> window = null;
        if (perSecond != null) {
            window = acceptedInLastSecond.computeIfAbsent(call.method(), m -> new ArrayDeque<>());
            while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                window.pollFirst();
            }
            if (window.size() >= perSecond) {
                return Reply.rateLimited(1);
            }
        }
        if (perChannel) {
            lastPostByChannel.put(channel, now);
        }
        if (window != null) {
            window.addLast(now);
        }
        return null;
    }

    // ---------------------------------------------------------------- default answers

    /** What the fake answers when nothing overrides it; handlers may delegate here. */
    public Reply defaultAnswer(Call call) {
        return switch (call.method()) {
            case "auth.test" -> Reply.ok(AUTH_TEST);
            case "users.info" -> usersInfo(call.param("user"));
            case "conversations.open" ->
                ok(
                        "channel",
                        json("id", "D" + String.valueOf(call.param("users")).replace(",", "")));
            case "chat.postMessage", "chat.update" -> message(call);
            case "conversations.history" -> history(call);
            case "chat.postEphemeral" -> ok("message_ts", nextTs());
            case "views.open", "views.publish", "views.update", "views.push" -> view(call);
            case "apps.connections.open" -> Reply.error("invalid_auth");
            case "files.getUploadURLExternal" -> {
                String fileId = "F" + ids.incrementAndGet();
                yield ok("upload_url", base + "/upload/" + fileId, "file_id", fileId);
            }
            case "files.completeUploadExternal" -> completeUpload(call);
            case UPLOAD ->
                new Reply(200, Map.of("Content-Type", "text/plain; charset=utf-8"), "OK - " + call.param("length"));
            case DOWNLOAD ->
                call.token() == null || !hosted.containsKey(call.param("file_id"))
                        ? new Reply(call.token() == null ? 403 : 404, Map.of(), "")
                        : new Reply(
                                200,
                                Map.of("Content-Type", "text/csv; charset=utf-8"),
                                hosted.get(call.param("file_id")));
            default -> call.method().startsWith("/") ? new Reply(404, Map.of(), "") : ok();
        };
    }

    private Reply usersInfo(String id) {
        if (id == null || missingUsers.contains(id)) {
            return Reply.error("user_not_found");
        }
        User user = users.getOrDefault(id, new User(id, "User " + id, ZoneId.of("Europe/Paris"), "en-US"));
        ZoneRules rules = user.tz().getRules();
        Instant now = Instant.now();
        String tzLabel = TimeZone.getTimeZone(user.tz())
                .getDisplayName(rules.isDaylightSavings(now), TimeZone.LONG, Locale.ENGLISH);
        JsonObject profile = json(
                "real_name",
                user.realName(),
                "real_name_normalized",
                user.realName(),
                "display_name",
                user.realName(),
                "display_name_normalized",
                user.realName(),
                "team",
                TEAM_ID);
        if (emails.containsKey(id)) {
            profile.addProperty("email", emails.get(id));
        }
        return ok(
                "user",
                json(
                        "id",
                        id,
                        "team_id",
                        TEAM_ID,
                        "name",
                        id.toLowerCase(Locale.ROOT),
                        "deleted",
                        false,
                        "real_name",
                        user.realName(),
                        "tz",
                        user.tz().getId(),
                        "tz_label",
                        tzLabel,
                        "tz_offset",
                        rules.getOffset(now).getTotalSeconds(),
                        "locale",
                        user.locale(),
                        "is_bot",
                        false,
                        "is_admin",
                        admins.contains(id),
                        "is_owner",
                        false,
                        "profile",
                        profile));
    }

    /** chat.postMessage gets a new ts; chat.update keeps the one it edits, as Slack does. */
    private Reply message(Call call) {
        boolean update = call.method().equals("chat.update");
        String ts = update && call.param("ts") != null ? call.param("ts") : nextTs();
        JsonElement blocks = parseOrNull(call.param("blocks"));
        JsonObject message = json(
                "type",
                "message",
                "user",
                BOT_USER_ID,
                "bot_id",
                BOT_ID,
                "text",
                call.param("text"),
                "ts",
                ts,
                "thread_ts",
                call.param("thread_ts"),
                "blocks",
                blocks != null && blocks.isJsonArray() ? blocks : null,
                "metadata",
                parseOrNull(call.param("metadata")));
        if (!update && call.param("channel") != null) {
            history.computeIfAbsent(call.param("channel"), c -> Collections.synchronizedList(new ArrayList<>()))
                    .add(message);
        }
        return ok(
                "channel",
                call.param("channel"),
                "ts",
                ts,
                "text",
                update ? call.param("text") : null,
                "message",
                message);
    }

    /**
     * The messages of a channel as Slack gives them: newest first, only those between {@code oldest} and
     * {@code latest} (exclusive unless {@code inclusive}), {@code limit} at a time (default 100, at most 999) with a
     * {@code next_cursor} while more remain, and their metadata only with {@code include_all_metadata}.
     */
    private Reply history(Call call) {
        List<JsonObject> posted = history.getOrDefault(call.param("channel"), List.of());
        double oldest = number(call.param("oldest"), 0);
        double latest = number(call.param("latest"), Double.MAX_VALUE);
        boolean inclusive = "true".equals(call.param("inclusive")) || "1".equals(call.param("inclusive"));
        boolean metadata =
                "true".equals(call.param("include_all_metadata")) || "1".equals(call.param("include_all_metadata"));
        int limit = (int) Math.min(999, Math.max(1, number(call.param("limit"), 100)));
        int offset = 0;
        String cursor = call.param("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                offset =
                        Integer.parseInt(new String(Base64.getDecoder().decode(cursor), UTF_8).replace("next_ts:", ""));
            } catch (IllegalArgumentException e) {
                return Reply.ok(json("ok", false, "error", "invalid_cursor").toString());
            }
        }
        List<JsonObject> matching = new ArrayList<>();
        synchronized (posted) {
            for (int i = posted.size() - 1; i >= 0; i--) {
                double ts = Double.parseDouble(posted.get(i).get("ts").getAsString());
                if ((inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest)) {
                    matching.add(posted.get(i));
                }
            }
        }
        JsonArray messages = new JsonArray();
        for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
            JsonObject message = matching.get(i).deepCopy();
            if (!metadata) {
                message.remove("metadata");
            }
            messages.add(message);
        }
        boolean more = offset + limit < matching.size();
        String next = more ? Base64.getEncoder().encodeToString(("next_ts:" + (offset + limit)).getBytes(UTF_8)) : "";
        return ok("messages", messages, "has_more", more, "response_metadata", json("next_cursor", next));
    }

    private static double number(String text, double otherwise) {
        try {
            return text == null || text.isBlank() ? otherwise : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** A member writes in a channel (a DM with the bot, say): it shows in its history like any message. */
    public void memberSays(String channel, String user, String text) {
        history.computeIfAbsent(channel, c -> Collections.synchronizedList(new ArrayList<>()))
                .add(json("type", "message", "user", user, "text", text, "ts", nextTs()));
    }

    /** Echoes the view sent, with an id, the team and a hash, as Slack does. */
    private Reply view(Call call) {
        JsonElement sent = parseOrNull(call.param("view"));
        JsonObject view = sent != null && sent.isJsonObject() ? sent.getAsJsonObject() : new JsonObject();
        if (!view.has("type")) {
            view.addProperty("type", call.method().equals("views.publish") ? "home" : "modal");
        }
        int n = ids.incrementAndGet();
        view.addProperty("id", call.param("view_id") != null ? call.param("view_id") : "V" + n);
        view.addProperty("team_id", TEAM_ID);
        view.addProperty("hash", "hash-" + n);
        view.addProperty("app_id", "A0TEST");
        view.addProperty("bot_id", BOT_ID);
        return ok("view", view);
    }

    private Reply completeUpload(Call call) {
        JsonElement sent = parseOrNull(call.param("files"));
        JsonArray files = new JsonArray();
        if (sent != null && sent.isJsonArray()) {
            for (JsonElement detail : sent.getAsJsonArray()) {
                JsonObject in = detail.getAsJsonObject();
                files.add(json(
                        "id",
                        in.get("id"),
                        "title",
                        in.get("title"),
                        "name",
                        in.get("title"),
                        "user",
                        BOT_USER_ID,
                        "created",
                        Instant.now().getEpochSecond()));
            }
        }
        return ok("files", files);
    }

    // ---------------------------------------------------------------- helpers

    /** Timestamps like Slack's: the time of posting in seconds, with six digits, always increasing. */
    private String nextTs() {
        long now = Instant.now().toEpochMilli() * 1_000;
        long micros = tsMicros.updateAndGet(last -> Math.max(last + 1, now));
        return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    /** {@code {"ok":true, ...}} with these names and values. */
    private static Reply ok(Object... namesAndValues) {
        JsonObject json = json("ok", true);
        json(namesAndValues).entrySet().forEach(e -> json.add(e.getKey(), e.getValue()));
        return Reply.ok(json.toString());
    }

    /** A JSON object of names and values (strings, numbers, booleans, JSON); null values are left out. */
    private static JsonObject json(Object... namesAndValues) {
        JsonObject json = new JsonObject();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            if (value instanceof JsonElement element) {
                json.add(name, element);
            } else if (value instanceof Number number) {
                json.addProperty(name, number);
            } else if (value instanceof Boolean bool) {
                json.addProperty(name, bool);
            } else if (value != null) {
                json.addProperty(name, value.toString());
            }
        }
        return json;
    }

    private static JsonElement parseOrNull(String json) {
        try {
            return json == null ? null : JsonParser.parseString(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
