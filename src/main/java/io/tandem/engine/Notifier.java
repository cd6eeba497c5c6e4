package io.tandem.engine;

/** Port: hands a notification to the recipient's platform for delivery. Implementations must not lose it. */
@FunctionalInterface
public interface Notifier {
    void send(Notification notification);
}
