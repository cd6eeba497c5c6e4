package io.tandem.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads a request body into an {@link Activity}, or says in one line why it cannot. The SDK's own mapper insists
 * on a fraction of a second in {@code timestamp} and refuses {@code 2026-01-21T12:00:00Z}, which channels do send:
 * timestamps are rewritten first from any ISO-8601 form (offset or not, fraction or not). An activity Tandem could
 * not answer (no conversation, sender or service URL) is refused here, before anything runs.
 */
final class TeamsActivityReader {

    /** The SDK's {@code @JsonFormat} pattern for {@code timestamp}, which always reads back what it writes. */
    private static final DateTimeFormatter SDK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nXXX");

    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM:ss", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHmm", "Z")
            .optionalEnd()
            .toFormatter();

    private final JacksonAdapter json = new JacksonAdapter();
    private final ObjectMapper mapper = json.serializer();

    /** Why an activity was refused, fit for one log line. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    Activity read(String body) throws Refused {
        if (body == null || body.isBlank()) {
            throw new Refused("empty body");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused("not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!(tree instanceof ObjectNode activity)) {
            throw new Refused("not a JSON object");
        }
        if (!activity.path("type").isTextual() || activity.path("type").asText().isBlank()) {
            throw new Refused("no type");
        }
        require(activity, "conversation");
        require(activity, "from");
        if (!activity.path("serviceUrl").isTextual()
                || activity.path("serviceUrl").asText().isBlank()) {
            throw new Refused("no serviceUrl");
        }
        normalise(activity, "timestamp", true);
        normalise(activity, "localTimestamp", false);
        try {
            return json.deserialize(mapper.writeValueAsString(activity), Activity.class);
        } catch (IOException | RuntimeException e) {
            throw new Refused(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static void require(ObjectNode activity, String field) throws Refused {
        JsonNode node = activity.path(field);
        if (!node.isObject()
                || !node.path("id").isTextual()
                || node.path("id").asText().isBlank()) {
            throw new Refused("no " + field + " id");
        }
    }

    /** Rewrites a timestamp the SDK can read; drops one no ISO-8601 reading makes sense of (it only informs). */
    private static void normalise(ObjectNode activity, String field, boolean utc) {
        JsonNode node = activity.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        OffsetDateTime time = node.isTextual() ? parse(node.asText().strip()) : null;
        if (time == null) {
            activity.remove(field);
        } else {
            activity.put(
                    field,
                    utc
                            ? SDK.format(time.withOffsetSameInstant(ZoneOffset.UTC))
                            : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
        }
    }

    static OffsetDateTime parse(String text) {
        try {
            var parsed = LENIENT.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                    : local.atOffset(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
