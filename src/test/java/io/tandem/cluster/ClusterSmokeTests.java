package io.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.ChatEvent;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.RedisClusterForTests;
import io.tandem.support.SharedRedisInstances;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClusterSmokeTests {

    @Test
    void findsOnACluster() throws Exception {
        try (FakeSlackApi slack = FakeSlackApi.start();
                SharedRedisInstances tandem = SharedRedisInstances.onCluster(
                        RedisClusterForTests.start(),
                        2,
                        "--tandem.slack.bot-token=xoxb-cluster",
                        "--tandem.slack.signing-secret=cluster",
                        "--tandem.slack.api-url=" + slack.apiUrl())) {
            Reply r = tandem.engine(0)
                    .handle(ChatEvent.text(
                            Platform.SLACK,
                            FakeSlackApi.TEAM_ID,
                            "U1",
                            "ann",
                            Locale.ENGLISH,
                            ZoneId.of("Europe/Paris"),
                            "DU1",
                            "/mentor teach seo",
                            List.of()));
            System.out.println("REPLY " + r);
            Reply f = tandem.engine(1)
                    .handle(ChatEvent.text(
                            Platform.SLACK,
                            FakeSlackApi.TEAM_ID,
                            "U2",
                            "bob",
                            Locale.ENGLISH,
                            ZoneId.of("Europe/Paris"),
                            "DU2",
                            "/mentor find seo",
                            List.of()));
            System.out.println("REPLY " + f);
            assertThat(f.toString()).contains("ann");
        }
    }
}
