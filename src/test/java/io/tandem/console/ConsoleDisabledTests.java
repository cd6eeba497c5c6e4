package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.Http;
import io.tandem.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code tandem.console.enabled=false}, neither the page nor its API is served. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"tandem.console.enabled=false", "tandem.demo.enabled=false"})
class ConsoleDisabledTests {

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("console-off").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void servesNeitherThePageNorTheApi() {
        Http http = new Http(port);
        assertThat(http.postJson("/api/console/messages", "{\"user\":\"alice\",\"text\":\"/mentor help\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/console/inbox?user=alice").statusCode()).isEqualTo(404);
        assertThat(http.get("/").statusCode()).isEqualTo(404);
        assertThat(http.get("/console.js").statusCode()).isEqualTo(404);
    }
}
