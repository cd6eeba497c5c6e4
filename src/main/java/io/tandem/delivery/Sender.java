package io.tandem.delivery;

import io.tandem.engine.Notification;
import io.tandem.engine.Platform;

/** Port: sends one notification on one platform (a DM), and says how it went. Must not throw. */
public interface Sender {

    Platform platform();

    SendResult send(Notification notification);
}
