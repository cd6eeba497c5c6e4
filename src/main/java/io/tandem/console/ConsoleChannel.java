package io.tandem.console;

import io.tandem.delivery.SendResult;
import io.tandem.delivery.Sender;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.StoreUnavailableException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Delivers notifications for console members into their inbox, rendered as the page draws them. */
@Component
class ConsoleChannel implements Sender {

    private final ConsoleInbox inbox;
    private final JsonMapper json;
    private final Clock clock;

    ConsoleChannel(ConsoleInbox inbox, JsonMapper json, Clock clock) {
        this.inbox = inbox;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.CONSOLE;
    }

    @Override
    public SendResult send(Notification notification) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("kind", notification.kind());
        if (notification.label() != null) {
            item.put("label", notification.label());
        }
        item.put("at", clock.instant().toString());
        item.put("text", notification.message().text());
        item.put("reply", ConsoleRenderer.render(notification.message()));
        try {
            inbox.append(notification.recipient(), json.writeValueAsString(item));
            return SendResult.delivered();
        } catch (StoreUnavailableException e) {
            return new SendResult.Retry(clock.instant().plusSeconds(2), e.getMessage(), false);
        }
    }
}
