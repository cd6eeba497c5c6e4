package io.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The whole application without its web server, on its own embedded Redis in a fresh data directory, with no
 * demo data and no Teams (its sender would take the Teams deliveries that queue tests use). {@code lena} leads the
 * console's programme, whose channel is {@code console:#programme}; every notification is also recorded. Quartz
 * does not start: tests run the nudges themselves, on the clock they move. Test classes that
 * carry it share one context (and one redis-server); each empties Redis as it needs, or takes a {@link FakeChat}
 * parameter ({@link FreshChat}) that comes on an emptied store.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "tandem.demo.enabled=false",
            "tandem.teams.emulator=false",
            "tandem.leads=console:lena,hana@example.com",
            "tandem.programme-channel=console:#programme",
            "spring.quartz.auto-startup=false"
        })
@ContextConfiguration(initializers = EngineTest.FreshDataDir.class)
@Import(RecordedNotifications.Config.class)
@ExtendWith(FreshChat.class)
public @interface EngineTest {

    /**
     * Points {@code tandem.data-dir} at a fresh folder for each context; in a cluster run ({@link ClusterMode}),
     * points Redis at the run's cluster.
     */
    class FreshDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                    context, "tandem.data-dir=" + TestDataDirs.fresh("engine"));
            if (ClusterMode.on()) {
                TestPropertySourceUtils.addInlinedPropertiesToEnvironment(
                        context,
                        "spring.data.redis.cluster.nodes="
                                + ClusterMode.shared().nodes());
            }
        }
    }
}
