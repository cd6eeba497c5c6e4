package io.tandem.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.engine.MemberId;
import io.tandem.engine.Reply;
import io.tandem.moderation.Moderation;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Reporting and hiding questions, answers and tips: anyone reports (once), only a lead (lena) hides. */
@EngineTest
class ModerationTests {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    QuestionStore questions;

    FakeChat chat;

    @BeforeEach
    void fresh(FakeChat fresh) {
        chat = fresh;
        chat.say("expert", "/mentor teach seo");
        chat.say("lena", "/mentor set language fr");
    }

    private Reply click(String user, String action, String value) {
        return chat.click(user, Locale.ENGLISH, action, value, Map.of());
    }

    @Test
    void aReportedQuestionReachesTheLeadOnceWithoutTheReportersNameAndOnlyTheLeadCanHideIt() {
        chat.say("asker", "/mentor ask seo Buy links from this site: spam.example");
        String toExpert = chat.waitFor("expert", 1).get(0);
        String report = FakeChat.value(toExpert, Moderation.REPORT);
        assertThat(click("expert", Moderation.REPORT, report).text()).contains("your name is not passed on");
        assertThat(click("expert", Moderation.REPORT, report).text()).contains("already reported");
        String toLead = chat.waitFor("lena", 1).get(0);
        assertThat(toLead)
                .contains("Un membre a signalé ce contenu", "spam.example", "Écrit par: asker", "[Masquer]")
                .doesNotContain("expert");
        await().pollDelay(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> chat.inbox("lena").size() == 1);

        String hide = FakeChat.value(toLead, Moderation.HIDE);
        assertThat(click("expert", Moderation.HIDE, hide).text()).contains("Only a programme lead can hide");
        assertThat(chat.say("expert", "/mentor questions").text()).contains("spam.example");
        assertThat(chat.click("lena", Locale.FRENCH, Moderation.HIDE, hide, Map.of())
                        .text())
                .contains("Masqué : ce contenu (question) n'est plus montré à personne.");
        assertThat(click("lena", Moderation.HIDE, hide).text()).contains("C'est déjà masqué.");

        assertThat(chat.say("expert", "/mentor questions").text()).doesNotContain("spam.example");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        assertThat(chat.say("expert", "/mentor answer " + q.id() + " sure").text())
                .contains("A programme lead hid");
        assertThat(click("expert", AnsweringQuestion.ANSWER, FakeChat.value(toExpert, AnsweringQuestion.ANSWER))
                        .text())
                .contains("A programme lead hid");
        assertThat(chat.say("asker", "/mentor my-questions").text()).contains("A programme lead hid this question.");
        assertThat(click("expert", Moderation.REPORT, "kind=question&id=forged").text())
                .contains("out of date");
        assertThat(click("expert", Moderation.REPORT, "kind=nonsense&id=1").text())
                .contains("out of date");
    }

    @Test
    void aLeadCanHideAnAnswerAndItIsNeitherShownNorRatedAnyMore() {
        chat.say("asker", "/mentor ask seo How long until results show?");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        chat.say("expert", "/mentor answer " + q.shortId() + " Rude and useless answer.");
        String relayed = chat.waitFor("asker", 1).get(0);
        assertThat(relayed).contains("moderation.report");
        // a lead reporting is shown the answer with Hide at once, rather than being sent it
        Reply review = click("lena", Moderation.REPORT, FakeChat.value(relayed, Moderation.REPORT));
        // lena reads French, whatever her client says
        assertThat(review.text())
                .contains("Signalement : réponse", "Rude and useless answer.", "Écrit par: expert", "[Masquer]");
        String hide = FakeChat.value(review, Moderation.HIDE);
        assertThat(click("lena", Moderation.HIDE, hide).text()).contains("ce contenu (réponse) n'est plus montré");
        assertThat(chat.say("asker", "/mentor my-questions").text())
                .doesNotContain("Rude and useless")
                .contains("No answer yet.");
        assertThat(click("asker", AnsweringQuestion.HELPFUL, FakeChat.value(relayed, AnsweringQuestion.HELPFUL))
                        .text())
                .contains("A programme lead hid");
        assertThat(redis.opsForZSet().score("tandem:{console}:answers:helpful", "expert"))
                .isNull();
    }

    @Test
    void aHiddenTipIsNoLongerListedNorChosen() {
        chat.say("bob", "/mentor tip seo Write titles in capitals so Google notices them.");
        Reply listed = chat.say("alice", "/mentor tips seo");
        assertThat(listed.text()).contains("capitals", "[Report]");
        String report = FakeChat.value(listed, Moderation.REPORT);
        assertThat(click("alice", Moderation.REPORT, report).text()).contains("A programme lead will look at it");
        String toLead = chat.waitFor("lena", 1).get(0);
        assertThat(toLead).contains("capitals", "astuce", "bob");
        assertThat(click("lena", Moderation.HIDE, FakeChat.value(toLead, Moderation.HIDE))
                        .text())
                .contains("ce contenu (astuce)");
        assertThat(chat.say("alice", "/mentor tips seo").text())
                .doesNotContain("capitals")
                .contains("Tandem's starter tips");
    }
}
