package io.tandem.nudges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Reply;
import io.tandem.support.TestDataDirs;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The quartz-jdbc profile operators use for PostgreSQL, here on an in-memory H2 database (no PostgreSQL on
 * this machine): Quartz keeps its jobs in the database, clustered, and still sends due nudges.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:quartz;DB_CLOSE_DELAY=-1",
            "spring.quartz.jdbc.initialize-schema=always",
            "spring.quartz.properties.org.quartz.jobStore.driverDelegateClass=org.quartz.impl.jdbcjo"
                    + "bstore.StdJDBCDelegate",
            "tandem.nudges.poll-interval=300ms",
            "tandem.demo.enabled=false",
            "tandem.teams.emulator=false"
        })
@ActiveProfiles("quartz-jdbc")
class QuartzJdbcTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("quartz-jdbc").toString());
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    NudgeStore nudges;

    @Autowired
    ConsoleInbox inbox;

    @Autowired
    Clock clock;

    @Test
    void keepsItsJobsInTheDatabaseClusteredAndSendsDueNudges() throws Exception {
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.checkExists(JobKey.jobKey("dispatch-nudges", "tandem")))
                .isTrue();
        assertThat(scheduler.checkExists(JobKey.jobKey("sweep", "tandem"))).isTrue();

        MemberId channel = new MemberId("console", "#jdbc");
        nudges.put(new Nudge(
                "notice:jdbc",
                channel,
                Nudge.Kind.NOTICE,
                clock.instant(),
                null,
                new Notification(channel, "nudge.notice", Reply.text("from a clustered scheduler")),
                null));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox.read(channel).size() == 1);
        assertThat(inbox.read(channel).get(0)).contains("from a clustered scheduler");
    }
}
