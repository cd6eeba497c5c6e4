package io.tandem.delivery;

import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Platform;

/** The engine's {@link Notifier}: hands each notification to the channel of the recipient's platform. */
@Component
public class NotificationRouter implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(NotificationRouter.class);

    private final Map<Platform, DeliveryChannel> channels = new EnumMap<>(Platform.class);

    public NotificationRouter(ObjectProvider<DeliveryChannel> channels) {
        for (DeliveryChannel channel : channels.orderedStream().toList()) {
            if (this.channels.putIfAbsent(channel.platform(), channel) != null) {
                throw new IllegalStateException("Two delivery channels for " + channel.platform());
            }
        }
    }

    @Override
    public void send(Notification notification) {
        DeliveryChannel channel = channels.get(notification.recipient().platform());
        if (channel == null) {
            // Not silent: the platform is switched off, so the operator must hear of it.
            log.error("Cannot deliver a {} notification to {}: {} is not enabled", notification.kind(),
                    notification.recipient(), notification.recipient().platform().id());
            return;
        }
        channel.deliver(notification);
    }
}
