package io.tandem.engine;

/** Port: hands a notification to the recipient's platform for delivery. Implementations must not lose it. */
@FunctionalInterface
public interface Notifier {
    void send(Notification notification);

    /**
     * Hands over many notifications at once (a programme's introductions), in order; an implementation may do it in
     * fewer round trips than one {@link #send} each, with the same promise.
     */
    default void sendAll(java.util.List<Notification> notifications) {
        notifications.forEach(this::send);
    }
}
