package io.tandem.delivery;

import io.tandem.engine.Notification;
import io.tandem.engine.Platform;

/** Port: sends one notification on one platform (a DM), and says how it went. Must not throw. */
public interface Sender {

    Platform platform();

    SendResult send(Notification notification);

    /**
     * Sends a queued delivery. A sender that can tell whether a message already reached its platform overrides
     * this to look first when the delivery is {@linkplain Delivery#inDoubt() in doubt}, so that it goes out once.
     */
    default SendResult send(Delivery delivery) {
        return send(delivery.notification());
    }
}
