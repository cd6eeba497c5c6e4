package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The probes and the Prometheus metrics an operator watches, through the running server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("ops").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void answersTheProbesWithRedisInReadiness() {
        Http http = new Http(port);
        var readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/env").statusCode())
                .as("only health, info and prometheus are exposed")
                .isEqualTo(404);
    }

    @Test
    void countsCommandsNotificationsAndNudgesForPrometheus() {
        Http http = new Http(port);
        http.postJson("/api/console/messages", "{\"user\":\"alice\",\"text\":\"/mentor find seo\"}");
        http.postJson("/api/console/messages", "{\"user\":\"alice\",\"text\":\"/mentor frobnicate\"}");
        http.postJson("/api/console/messages", "{\"user\":\"alice\",\"text\":\"/mentor request @bob seo\"}");
        String metrics = await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> http.get("/actuator/prometheus").body(),
                        body -> body.contains(
                                "tandem_notifications_total{outcome=\"delivered\",platform=\"console\"}"));
        assertThat(metrics)
                .contains(
                        "tandem_commands_seconds_count{command=\"find\",outcome=\"ok\",platform=\"console\"} 1",
                        "tandem_commands_seconds_count{command=\"unknown\",outcome=\"ok\",platform=\"console\"}",
                        "tandem_commands_seconds_bucket{command=\"find\"",
                        "tandem_nudges_due ",
                        "tandem_nudges_oldest_due_age_seconds ")
                .doesNotContain("frobnicate");
    }
}
