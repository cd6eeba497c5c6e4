package io.tandem.slack;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bolt's servlet, answering 400 to a payload it cannot read (Bolt would let the parse error become a 500). The
 * signature is checked before any parsing, so only Slack, or someone with the signing secret, gets this far.
 */
class SlackEventsServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    SlackEventsServlet(App app) {
        super(app);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            super.doPost(req, resp);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            log.warn("Refused a malformed Slack payload: {}", e.getMessage());
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                resp.setContentType("text/plain;charset=UTF-8");
                resp.getWriter().write("Malformed Slack payload");
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
