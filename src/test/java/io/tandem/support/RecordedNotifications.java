package io.tandem.support;

import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Every notification the engine hands to its {@link Notifier}, as sent (before the queue and any platform), so a
 * test can look at each one, e.g. render it for every platform. The real notifier still queues and delivers it.
 */
public final class RecordedNotifications {

    private final List<Notification> sent = new ArrayList<>();

    public synchronized List<Notification> all() {
        return List.copyOf(sent);
    }

    public synchronized void clear() {
        sent.clear();
    }

    synchronized void add(Notification n) {
        sent.add(n);
    }

    /** Wraps the application's notifier. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        RecordedNotifications recordedNotifications() {
            return new RecordedNotifications();
        }

        @Bean
        static BeanPostProcessor recordingNotifier(ObjectProvider<RecordedNotifications> recorded) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof Notifier notifier) {
                        return (Notifier) n -> {
                            recorded.getObject().add(n);
                            notifier.send(n);
                        };
                    }
                    return bean;
                }
            };
        }
    }
}
