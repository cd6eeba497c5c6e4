package io.tandem.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import io.tandem.delivery.Delivery;
import io.tandem.delivery.SendResult;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.TestDataDirs;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A delivery in doubt (its instance died mid-send) is looked for in the DM's history as Slack gives it: newest
 * first, a page at a time, since the delivery was first claimed. Found however many messages came since, it is not
 * sent again; not found, it is sent.
 */
class SlackInDoubtTests {

    static final FakeSlackApi slack = FakeSlackApi.start();

    @AfterAll
    static void stopFake() {
        slack.close();
    }

    @Test
    void findsAnEarlierPostBehind250NewerMessagesAndSendsOnlyWhatSlackNeverHad() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TandemApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--tandem.data-dir=" + TestDataDirs.fresh("in-doubt"),
                        "--tandem.demo.enabled=false",
                        "--tandem.slack.api-url=" + slack.apiUrl(),
                        "--tandem.slack.bot-token=xoxb-test",
                        "--tandem.slack.signing-secret=secret")) {
            SlackSender sender = context.getBean(SlackSender.class);
            MemberId ana = MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "UANA");
            Notification reminder = new Notification(ana, "test", Reply.text("Your session is tomorrow"));
            Instant claimed = Instant.now();

            // the first instance posts it, then dies before saying so; ana goes on chatting with Tandem
            assertThat(sender.send(new Delivery("d-1", reminder, 0, claimed, false, 1, claimed)))
                    .isInstanceOf(SendResult.Delivered.class);
            for (int i = 0; i < 250; i++) {
                slack.memberSays("DUANA", "UANA", "message " + i);
            }
            int posts = slack.calls("chat.postMessage").size();
            assertThat(sender.send(new Delivery("d-1", reminder, 0, claimed, true, 2, claimed)))
                    .isInstanceOf(SendResult.Delivered.class);
            assertThat(slack.calls("chat.postMessage")).as("not sent twice").hasSize(posts);
            assertThat(slack.calls("conversations.history"))
                    .as("read page by page")
                    .hasSizeGreaterThan(1)
                    .allSatisfy(call -> assertThat(Double.parseDouble(call.param("oldest")))
                            .isLessThanOrEqualTo(claimed.getEpochSecond()));

            // a delivery in doubt that never reached Slack goes out
            MemberId bea = MemberId.of(Platform.SLACK, FakeSlackApi.TEAM_ID, "UBEA");
            slack.memberSays("DUBEA", "UBEA", "hello");
            assertThat(sender.send(new Delivery(
                            "d-2", new Notification(bea, "test", Reply.text("Welcome")), 0, claimed, true, 3, claimed)))
                    .isInstanceOf(SendResult.Delivered.class);
            assertThat(slack.calls("chat.postMessage")).hasSize(posts + 1);
        }
    }
}
