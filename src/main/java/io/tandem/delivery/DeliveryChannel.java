package io.tandem.delivery;

import io.tandem.engine.Notification;
import io.tandem.engine.Platform;

/** Delivers notifications to members of one platform. */
public interface DeliveryChannel {

    Platform platform();

    void deliver(Notification notification);
}
