package io.tandem.slack;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.tandem.engine.StoreUnavailableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet, answering 400 to a payload it cannot read. Bolt reads the body before checking the signature
 * and lets a read or parse error (bytes that are not UTF-8, a field of the wrong JSON type) become a 500, and it
 * turns any exception of a signed request into a 500 as well: a field of the wrong type or missing (no user id)
 * is the sender's mistake, not a failure worth Slack's retries. A store outage stays a 503, so Slack retries.
 * Bolt refuses a timestamp more than five minutes old but takes one from the future, which would let a signed
 * request be replayed for as long as its timestamp is ahead: that is refused here, 401 like a stale one.
 */
class SlackEventsServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final SlackAppServletAdapter adapter;

    SlackEventsServlet(App app) {
        super(app);
        this.adapter = new SlackAppServletAdapter(app.config());
    }

    private static final long MAX_SKEW_SECONDS = 5 * 60;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (fromTheFuture(req.getHeader("X-Slack-Request-Timestamp"))) {
            log.warn("Refused a Slack request whose timestamp is more than five minutes ahead");
            adapter.writeResponse(
                    resp,
                    Response.builder()
                            .statusCode(HttpServletResponse.SC_UNAUTHORIZED)
                            .contentType("application/json")
                            .body("{\"error\":\"invalid request\"}")
                            .build());
            return;
        }
        Response response;
        try {
            Request<?> request = adapter.buildSlackRequest(req);
            response = request == null ? refusal("Invalid Request") : getApp().run(request);
        } catch (Exception e) {
            if (causedBy(e, StoreUnavailableException.class)) {
                log.warn("Slack request not handled, store unavailable: {}", e.getMessage());
                response = Response.builder()
                        .statusCode(HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                        .build();
            } else if (malformed(e)) {
                log.warn("Refused a malformed Slack payload: {}", e.toString());
                response = refusal("Malformed Slack payload");
            } else {
                log.error("Failed to handle a Slack request", e);
                response = Response.builder()
                        .statusCode(HttpServletResponse.SC_INTERNAL_SERVER_ERROR)
                        .contentType("text/plain;charset=UTF-8")
                        .body("Tandem could not handle this request")
                        .build();
            }
        }
        if (!resp.isCommitted()) {
            resp.reset();
            adapter.writeResponse(resp, response);
        }
    }

    private static boolean fromTheFuture(String timestamp) {
        try {
            return timestamp != null
                    && Long.parseLong(timestamp.strip()) > System.currentTimeMillis() / 1000 + MAX_SKEW_SECONDS;
        } catch (NumberFormatException e) {
            return false; // Bolt refuses it
        }
    }

    private static Response refusal(String why) {
        return Response.builder()
                .statusCode(HttpServletResponse.SC_BAD_REQUEST)
                .contentType("text/plain;charset=UTF-8")
                .body(why)
                .build();
    }

    /** What an unreadable or incomplete payload throws, in Bolt's parsing or in a handler reading its fields. */
    private static boolean malformed(Throwable e) {
        return causedBy(e, JsonParseException.class)
                || causedBy(e, UnsupportedOperationException.class)
                || causedBy(e, IllegalStateException.class)
                || causedBy(e, IllegalArgumentException.class)
                || causedBy(e, ClassCastException.class)
                || causedBy(e, NullPointerException.class)
                || causedBy(e, UncheckedIOException.class)
                || e instanceof IOException;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
