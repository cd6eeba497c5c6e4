package io.tandem.bench;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import io.tandem.TandemApplication;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeBotConnector;
import io.tandem.support.FakeSlackApi;
import io.tandem.teams.FakeAzureTokens;
import io.tandem.teams.TeamsConversations;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000 notifications through the delivery queue to fakes that enforce rate limits and answer 429 with
 * {@code Retry-After} beyond them: Slack (one message per second per channel, a workspace budget per second) and
 * Teams (one message per second per conversation, a budget per second), each with two Tandem instances on one Redis.
 * Total time against the least those limits allow, messages lost and sent twice.
 */
@Tag("bench")
class FanOutBench {

    private static final int NOTIFICATIONS = Integer.getInteger("bench.fanout", 10_000);
    private static final int MEMBERS = 1_000;
    private static final String PREFIX = "fan-out ";

    @Test
    void slackWithTwoInstances() throws Exception {
        // the operator's setting: a little under the workspace's budget (README "Configuration")
        slack("3-fan-out-slack", "Slack, 2 instances", FanOutTally.OPERATOR_RATE);
    }

    @Test
    void slackWithTwoInstancesAndNoRateSet() throws Exception {
        // out of the box: Tandem learns the workspace's rate from the first 429
        slack("3-fan-out-slack-unset", "Slack, 2 instances, no rate set", 0);
    }

    private void slack(String file, String section, int workspaceRate) throws Exception {
        BenchResults results = new BenchResults(file);
        FanOutTally tally = new FanOutTally(t -> t.startsWith(PREFIX));
        try (FakeSlackApi slack = tally.slack();
                TwoInstances tandem = TwoInstances.slack("bench-fanout", slack, workspaceRate)) {
            long took = fanOut(
                    tandem.bean(0, DeliveryQueue.class),
                    i -> MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "U" + (i % MEMBERS)),
                    tally);
            report(results, section, took, tally, slack.refused("chat.postMessage"));
        }
    }

    @Test
    void teamsWithTwoInstances() throws Exception {
        BenchResults results = new BenchResults("4-fan-out-teams");
        FanOutTally tally = new FanOutTally(t -> t.startsWith(PREFIX));
        try (FakeBotConnector teams = FakeBotConnector.start();
                // with credentials (a shared Redis is no place for the emulator mode); tokens from a fake
                TwoInstances tandem = TwoInstances.start(
                        List.of(TandemApplication.class, FakeAzureTokens.class),
                        "bench-fanout-teams",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--tandem.teams.app-id=" + FakeBotConnector.BOT_APP_ID,
                        "--tandem.teams.app-password=bench",
                        "--tandem.teams.tenant-id=" + FakeBotConnector.TENANT_ID,
                        "--tandem.teams.tenant-rate=" + FanOutTally.OPERATOR_RATE)) {
            // each member talked to Tandem once: their conversation reference is kept, as on a first message
            TeamsConversations conversations = tandem.bean(0, TeamsConversations.class);
            JacksonAdapter sdkJson = new JacksonAdapter();
            for (int i = 0; i < MEMBERS; i++) {
                Activity hello = sdkJson.deserialize(
                        teams.activities().personalMessage("help", "aad-" + i, "Member " + i, "en-GB", "Europe/London"),
                        Activity.class);
                conversations.save(
                        MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-" + i),
                        sdkJson.serialize(hello.getConversationReference()));
            }
            teams.reset();
            teams.limit(Duration.ofSeconds(1), FanOutTally.BUDGET_PER_SECOND);
            Thread counter = new Thread(() -> {
                int seen = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    List<FakeBotConnector.Call> calls = teams.sentActivities();
                    for (; seen < calls.size(); seen++) {
                        if (calls.get(seen).accepted()) {
                            tally.accepted(calls.get(seen).conversationId(), textOf(calls.get(seen)));
                        }
                    }
                    FanOutTally.sleep(50);
                }
            });
            counter.setDaemon(true);
            counter.start();
            long took = fanOut(
                    tandem.bean(0, DeliveryQueue.class),
                    i -> MemberId.of(Platform.TEAMS, FakeBotConnector.TENANT_ID, "aad-" + (i % MEMBERS)),
                    tally);
            counter.interrupt();
            report(results, "Teams, 2 instances", took, tally, teams.refused());
        }
    }

    /** A message's text, or its card's fallback text. */
    private static String textOf(FakeBotConnector.Call call) {
        if (call.text() != null) {
            return call.text();
        }
        return call.attachments().stream()
                .map(a -> a.path("content").path("fallbackText").asText(null))
                .filter(t -> t != null)
                .findFirst()
                .orElse(null);
    }

    /** Queues the notifications and waits until every one was delivered (or 5 minutes); nanoseconds taken. */
    private static long fanOut(DeliveryQueue queue, IntFunction<MemberId> recipient, FanOutTally tally) {
        long start = System.nanoTime();
        for (int i = 0; i < NOTIFICATIONS; i++) {
            queue.enqueue(new Notification(recipient.apply(i), "bench", Reply.text(PREFIX + i)));
        }
        return tally.awaitAll(NOTIFICATIONS, start);
    }

    private static void report(BenchResults results, String section, long took, FanOutTally tally, int refused) {
        tally.report(
                results,
                section,
                FanOutTally.load(NOTIFICATIONS, MEMBERS),
                took,
                NOTIFICATIONS,
                FanOutTally.least(NOTIFICATIONS, NOTIFICATIONS / MEMBERS, FanOutTally.BUDGET_PER_SECOND),
                refused);
    }
}
