package io.tandem.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.Action;
import io.tandem.engine.ActionValue;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.engine.TravelClock;
import io.tandem.pairing.RequestStore;
import io.tandem.privacy.MemberData;
import io.tandem.qa.Question;
import io.tandem.qa.QuestionStore;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SharedRedisInstances;
import io.tandem.tips.TipStore;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sending limit on two Tandem instances sharing one Redis, with the default limits (10 a minute, 30 an hour):
 * whichever instance a member's sends reach, they count together, and a refused send is neither sent nor stored.
 */
class SendingLimitTests {

    private static final String TEAM = FakeSlackApi.TEAM_ID;
    private static final List<String> EXPERTS = List.of("UEXP1", "UEXP2", "UEXP3");
    private static FakeSlackApi slack;
    private static SharedRedisInstances tandem;
    private final ExecutorService senders = Executors.newFixedThreadPool(16);

    @BeforeAll
    static void start() throws Exception {
        slack = FakeSlackApi.start();
        tandem = SharedRedisInstances.start(
                2,
                "--tandem.slack.bot-token=xoxb-limits",
                "--tandem.slack.signing-secret=limits",
                "--tandem.slack.api-url=" + slack.apiUrl(),
                "--tandem.leads=slack:" + TEAM + ":ULEAD");
    }

    @AfterAll
    static void stop() {
        tandem.close();
        slack.close();
    }

    @BeforeEach
    void organisation() {
        tandem.redis().getConnectionFactory().getConnection().serverCommands().flushDb();
        EXPERTS.forEach(e -> say(0, e, "/mentor teach seo"));
    }

    @AfterEach
    void shutdown() {
        senders.shutdownNow();
        for (int i = 0; i < tandem.size(); i++) {
            tandem.bean(i, TravelClock.class).reset();
        }
    }

    private static Reply say(int instance, String user, String text) {
        return say(instance, user, Locale.ENGLISH, text);
    }

    private static Reply say(int instance, String user, Locale locale, String text) {
        return tandem.engine(instance)
                .handle(ChatEvent.text(
                        Platform.SLACK,
                        TEAM,
                        user,
                        user,
                        locale,
                        ZoneId.of("Europe/Paris"),
                        "D" + user,
                        text,
                        List.of()));
    }

    private static MemberId member(String user) {
        return MemberId.of(Platform.SLACK, TEAM, user);
    }

    private static int asked(String user) {
        return tandem.bean(1, QuestionStore.class).askedBy(member(user)).size();
    }

    private static void travel(Duration by) {
        for (int i = 0; i < tandem.size(); i++) {
            tandem.bean(i, TravelClock.class).advance(by);
        }
    }

    @Test
    void oneMemberCannotSendThreeHundredQuestionsThroughTwoInstancesAndAnotherIsUnaffected() throws Exception {
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            Callable<Reply> ask = () -> say(n % 2, "UFLOOD", "/mentor ask seo Question number " + n + "?");
            replies.add(senders.submit(ask));
        }
        List<String> texts = new ArrayList<>();
        for (Future<Reply> r : replies) {
            texts.add(r.get(120, TimeUnit.SECONDS).text());
        }
        assertThat(texts.stream().filter(t -> t.contains("went to")).count()).isEqualTo(10);
        assertThat(texts.stream()
                        .filter(t -> t.equals(
                                "You have sent a lot in a short time; try again in a minute. " + "Nothing was sent."))
                        .count())
                .isEqualTo(290);
        assertThat(asked("UFLOOD")).isEqualTo(10);

        // the same count covers what else reaches others: a request, a tip; in French too
        assertThat(say(1, "UFLOOD", "/mentor request <@UEXP1> seo").text()).contains("sent a lot");
        assertThat(tandem.bean(0, RequestStore.class).pending(member("UEXP1"))).isEmpty();
        assertThat(say(0, "UFLOOD", Locale.FRENCH, "/mentor astuce seo Commencez par la search console, toujours.")
                        .text())
                .contains("beaucoup envoyé", "réessayez dans une minute");
        assertThat(tandem.bean(0, TipStore.class).tips(TEAM_WS, "seo")).isEmpty();

        // someone else sends as usual, on either instance
        assertThat(say(0, "UCALM", "/mentor ask seo Where do I start?").text()).contains("went to");
        assertThat(say(1, "UCALM", "/mentor request <@UEXP1> seo").text()).contains("I've asked");
        assertThat(asked("UCALM")).isEqualTo(1);
    }

    @Test
    void allowsThirtyAnHourInBurstsOfTen() {
        int sent = 0;
        for (int burst = 0; burst < 3; burst++) {
            for (int i = 0; i < 10; i++) {
                assertThat(say(i % 2, "USTEADY", "/mentor ask seo Question " + sent++ + "?")
                                .text())
                        .contains("went to");
            }
            assertThat(say(burst % 2, "USTEADY", "/mentor ask seo One too many?")
                            .text())
                    .contains("sent a lot");
            travel(Duration.ofMinutes(2));
        }
        // 30 in six minutes: the hour is full until the first of them is an hour old
        assertThat(say(0, "USTEADY", "/mentor ask seo Question 31?").text())
                .isEqualTo("You have sent a lot in a short time; try again in 54 minutes. Nothing was sent.");
        assertThat(say(1, "USTEADY", Locale.FRENCH, "/mentor demander seo Question 31 ?")
                        .text())
                .contains("réessayez dans 54 minutes");
        assertThat(asked("USTEADY")).isEqualTo(30);
        travel(Duration.ofMinutes(55));
        assertThat(say(1, "USTEADY", "/mentor ask seo Question 31?").text()).contains("went to");
        assertThat(asked("USTEADY")).isEqualTo(31);
    }

    @Test
    void answersAndReportsCountWithTheRest() {
        say(0, "UASKER", "/mentor ask seo How do I pick keywords?");
        Question q =
                tandem.bean(0, QuestionStore.class).askedBy(member("UASKER")).get(0);
        for (int i = 0; i < 10; i++) {
            assertThat(say(i % 2, "UEXP1", "/mentor tip seo Tip number " + i + ": start with the search console.")
                            .text())
                    .doesNotContain("sent a lot");
        }
        Reply answer = tandem.engine(1)
                .handle(ChatEvent.action(
                        Platform.SLACK,
                        TEAM,
                        "UEXP1",
                        "UEXP1",
                        Locale.ENGLISH,
                        ZoneId.of("Europe/Paris"),
                        "DUEXP1",
                        new Action(
                                "qa.answer.save",
                                ActionValue.of("question", q.id()),
                                Map.of("answer", "Search console"))));
        assertThat(answer.text()).contains("sent a lot");
        assertThat(tandem.bean(0, QuestionStore.class).answers(q.workspace(), q.id()))
                .isEmpty();
        Reply report = tandem.engine(0)
                .handle(ChatEvent.action(
                        Platform.SLACK,
                        TEAM,
                        "UEXP1",
                        "UEXP1",
                        Locale.ENGLISH,
                        ZoneId.of("Europe/Paris"),
                        "DUEXP1",
                        new Action(Moderation.REPORT, ActionValue.of("kind", "question", "id", q.id()), Map.of())));
        assertThat(report.text()).contains("sent a lot");
        assertThat(tandem.bean(0, Reports.class).madeBy(member("UEXP1"))).isEmpty();
        assertThat(tandem.bean(1, TipStore.class).tips(TEAM_WS, "seo")).hasSize(10);
    }

    @Test
    void forgettingAMemberDeletesTheirCount() {
        say(0, "UGONE", "/mentor ask seo Anyone?");
        String key = "tandem:{" + member("UGONE").workspace() + "}:sends:UGONE";
        assertThat(tandem.redis().hasKey(key)).isTrue();
        assertThat(tandem.redis().getExpire(key)).isPositive();
        tandem.bean(0, MemberData.class).erase(member("UGONE"));
        assertThat(tandem.redis().hasKey(key)).isFalse();
    }

    private static final String TEAM_WS = member("UX").workspace();
}
