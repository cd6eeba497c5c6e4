package io.tandem.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Socket Mode: Tandem opens a WebSocket to Slack and receives commands, clicks and events over it, so no public
 * URL is needed. For development and single-instance installs (each event goes to one open connection).
 */
class SlackSocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlackSocketMode.class);

    private final String appToken;
    private final App app;
    private SocketModeApp socket;
    private volatile boolean running;

    SlackSocketMode(String appToken, App app) {
        this.appToken = appToken;
        this.app = app;
    }

    @Override
    public void start() {
        try {
            socket = new SocketModeApp(appToken, app);
            socket.startAsync();
            running = true;
            log.info("Slack Socket Mode started");
        } catch (Exception e) {
            // A bad token or no network must not stop Tandem: say it loudly, keep the rest running.
            log.error(
                    "Slack Socket Mode could not start: {}. Check SLACK_APP_TOKEN (xapp-… with connections:write).",
                    e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (socket != null) {
            try {
                socket.close();
                log.info("Slack Socket Mode stopped");
            } catch (Exception e) {
                log.warn("Slack Socket Mode did not close cleanly: {}", e.getMessage());
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    boolean connected() {
        return socket != null && running;
    }
}
