package io.tandem.delivery;

import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The engine's {@link Notifier}: every notification is queued durably before anything is sent, so a crash, a
 * restart or a platform outage delays it but never loses it.
 */
@Component
public class NotificationRouter implements Notifier {

    private final DeliveryQueue queue;

    public NotificationRouter(DeliveryQueue queue) {
        this.queue = queue;
    }

    @Override
    public void send(Notification notification) {
        queue.enqueue(notification);
    }

    @Override
    public void sendAll(List<Notification> notifications) {
        queue.enqueueAll(notifications);
    }
}
