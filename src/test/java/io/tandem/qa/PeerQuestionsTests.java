package io.tandem.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.console.ConsolePayloads;
import io.tandem.delivery.DeliveryQueue;
import io.tandem.engine.Block;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Notifier;
import io.tandem.engine.Reply;
import io.tandem.moderation.Moderation;
import io.tandem.profiles.ProfileView;
import io.tandem.profiles.Profiles;
import io.tandem.programme.Programme;
import io.tandem.programme.ProgrammeSettings;
import io.tandem.slack.SlackPayloads;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RecordedNotifications;
import io.tandem.teams.TeamsPayloads;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Peer questions through the fake adapter: routing, fairness, anonymity, answers, helpful, pass. */
@EngineTest
class PeerQuestionsTests {

    private static final List<String> EXPERTS = List.of("e1", "e2", "e3", "e4", "e5");

    @Autowired
    ProgrammeSettings settings;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    DeliveryQueue queue;

    @Autowired
    QuestionStore questions;

    @Autowired
    ExpertRouting routing;

    @Autowired
    Profiles profiles;

    @Autowired
    ProfileView view;

    @Autowired
    Notifier notifier;

    @Autowired
    Programme programme;

    @Autowired
    RecordedNotifications recorded;

    FakeChat chat;

    @BeforeEach
    void experts(FakeChat fresh) {
        chat = fresh;
        recorded.clear();
        EXPERTS.forEach(e -> chat.say(e, "/mentor teach seo"));
        chat.say("paula", "/mentor teach seo");
        chat.say("paula", "/mentor pause");
        chat.say("asker", "/mentor teach seo");
        chat.say("asker", "/mentor bio I am Alice Asker-Secret");
    }

    /** The escalations as they run {@code later} from now (they are due on this clock). */
    private EscalatingQuestions later(Duration later) {
        return new EscalatingQuestions(
                questions,
                routing,
                profiles,
                view,
                notifier,
                Clock.offset(Clock.systemUTC(), later),
                programme,
                settings);
    }

    @Test
    void routesToThreeExpertsNeverTheAskerNorAPausedMember() {
        Reply asked = chat.say("asker", "/mentor ask seo How do I pick keywords?");
        assertThat(asked.text()).contains("went to 3 colleagues who teach SEO");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        assertThat(q.routedTo())
                .hasSize(3)
                .extracting(MemberId::user)
                .doesNotContain("asker", "paula")
                .allSatisfy(u -> assertThat(EXPERTS).contains(u));
        for (MemberId expert : q.routedTo()) {
            assertThat(chat.waitFor(expert.user(), 1).get(0))
                    .contains("asker has a question about SEO", "How do I pick keywords?", "qa.answer", "qa.pass");
        }
    }

    @Test
    void spreadsQuestionsFairlyAcrossExperts() {
        for (int i = 0; i < 10; i++) {
            chat.say("asker", "/mentor ask seo Question number " + i);
        }
        Map<String, Integer> asked = new HashMap<>();
        questions
                .askedBy(new MemberId("console", "asker"))
                .forEach(q -> q.routedTo().forEach(m -> asked.merge(m.user(), 1, Integer::sum)));
        assertThat(asked).containsOnlyKeys(EXPERTS);
        assertThat(asked.values()).allSatisfy(n -> assertThat(n).isEqualTo(6));
    }

    @Test
    void neverRevealsAnAnonymousAskerInAnyPayload() {
        // a handle no payload word could contain by chance
        chat.say("zelda", "/mentor bio I am Zelda Quixote-Secret");
        Reply asked = chat.say("zelda", Locale.FRENCH, "/mentor demande --anonyme référencement Je suis perdu");
        assertThat(asked.text()).contains("anonymement");
        Question q = questions.askedBy(new MemberId("console", "zelda")).get(0);
        assertThat(q.anonymous()).isTrue();
        String toExpert = chat.waitFor(q.routedTo().get(0).user(), 1).get(0);
        chat.say(q.routedTo().get(1).user(), "/mentor questions");
        Reply listed = chat.say(q.routedTo().get(1).user(), "/mentor questions");
        Reply form = chat.click(
                q.routedTo().get(0).user(),
                Locale.ENGLISH,
                AnsweringQuestion.ANSWER,
                FakeChat.value(toExpert, AnsweringQuestion.ANSWER),
                Map.of());
        Block.Form answer = (Block.Form) form.blocks().get(0);
        chat.click(
                q.routedTo().get(0).user(),
                Locale.ENGLISH,
                answer.actionId(),
                answer.value(),
                Map.of("answer", "Start with the search console"));
        String relayed = chat.waitFor("zelda", 1).get(0);
        chat.click(
                "zelda",
                Locale.ENGLISH,
                AnsweringQuestion.HELPFUL,
                FakeChat.value(relayed, AnsweringQuestion.HELPFUL),
                Map.of());
        String thanks = chat.waitFor(q.routedTo().get(0).user(), 2).get(1);
        // a second anonymous question nobody answers: escalated to the other experts and the programme channel,
        // then reported to the lead, who hides it
        chat.say("zelda", "/mentor ask --anon seo Is it too late to learn?");
        assertThat(later(Duration.ofHours(49)).escalateDue("console")).isEqualTo(1);
        String posted = chat.waitFor("#programme", 1).get(0);
        assertThat(posted)
                .contains(
                        "Nobody has answered this question about SEO",
                        "Asked by a colleague (anonymous)",
                        "Is it too late to learn?");
        Reply reported = chat.click(
                "e1", Locale.ENGLISH, Moderation.REPORT, FakeChat.value(posted, Moderation.REPORT), Map.of());
        assertThat(reported.text()).contains("A programme lead will look at it");
        String toLead = chat.waitFor("lena", 1).get(0);
        assertThat(toLead).contains("Is it too late to learn?", "Written by: a colleague (anonymous)");
        Reply hidden =
                chat.click("lena", Locale.ENGLISH, Moderation.HIDE, FakeChat.value(toLead, Moderation.HIDE), Map.of());

        List<String> everything = new ArrayList<>(List.of(
                toExpert,
                thanks,
                listed.toString(),
                form.toString(),
                posted,
                reported.toString(),
                toLead,
                hidden.toString()));
        for (String expert : EXPERTS) {
            everything.addAll(chat.inbox(expert));
        }
        everything.addAll(chat.inbox("lena"));
        everything.addAll(chat.inbox("#programme"));
        // every notification as each platform would receive it: Slack blocks, the Teams card, the console JSON
        List<Notification> notifications = recorded.all().stream()
                .filter(n -> !n.recipient().user().equals("zelda"))
                .toList();
        assertThat(notifications).hasSizeGreaterThanOrEqualTo(10);
        for (Notification n : notifications) {
            everything.add(SlackPayloads.json(n.message()));
            everything.add(TeamsPayloads.json(n.message()));
            everything.add(ConsolePayloads.json(n.message()));
        }
        for (Reply shown : List.of(listed, form, reported, hidden)) {
            everything.add(SlackPayloads.json(shown));
            everything.add(TeamsPayloads.json(shown));
        }
        for (String payload : everything) {
            assertThat(payload).doesNotContain("zelda", "Zelda", "Quixote");
        }
        assertThat(toExpert)
                .contains("A colleague (anonymous) has a question about SEO")
                .doesNotContain("console:zelda");
        assertThat(thanks).contains("A colleague (anonymous) found your answer about SEO helpful");
    }

    @Test
    void opensTheAnonymousQuestionAndThanksWithACapitalInBothLanguages() {
        EXPERTS.forEach(e -> chat.say(e, "/mentor set language fr"));
        chat.say("asker", "/mentor set language fr");
        chat.say("zelda", "/mentor ask --anon seo Where do I start?");
        Question q = questions.askedBy(new MemberId("console", "zelda")).get(0);
        String expert = q.routedTo().get(0).user();
        Notification toExpert = recorded.all().stream()
                .filter(n -> n.recipient().user().equals(expert))
                .findFirst()
                .orElseThrow();
        assertThat(toExpert.message().text()).startsWith("Un collègue (anonyme) a une question sur");
        assertThat(toExpert.label()).isEqualTo("Une question pour vous");
        chat.say(expert, "/mentor answer " + q.shortId() + " Commencez par vos dix pages principales.");
        String relayed = chat.waitFor("zelda", 1).get(0);
        chat.click(
                "zelda",
                Locale.ENGLISH,
                AnsweringQuestion.HELPFUL,
                FakeChat.value(relayed, AnsweringQuestion.HELPFUL),
                Map.of());
        Notification thanks = recorded.all().stream()
                .filter(n -> n.recipient().user().equals(expert))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(thanks.message().text()).startsWith("Un collègue (anonyme) a trouvé votre réponse sur");
        assertThat(thanks.label()).isEqualTo("Votre réponse a aidé");
    }

    @Test
    void relaysAnswersAndThanksTheAuthorOfAHelpfulOne() {
        chat.say("asker", "/mentor ask seo Where do I start?");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        String expert = q.routedTo().get(0).user();
        Reply sent = chat.say(expert, "/mentor answer " + q.shortId() + " Start with your top 10 pages.");
        assertThat(sent.text()).contains("Your answer is on its way");
        String relayed = chat.waitFor("asker", 1).get(0);
        assertThat(relayed)
                .contains(expert + " answered your question about SEO", "Start with your top 10 pages.", "Helpful");
        assertThat(chat.say("asker", "/mentor answer " + q.shortId() + " me").text())
                .contains("own question");
        assertThat(chat.click(
                                "asker",
                                Locale.ENGLISH,
                                AnsweringQuestion.HELPFUL,
                                FakeChat.value(relayed, AnsweringQuestion.HELPFUL),
                                Map.of())
                        .text())
                .contains("I've thanked them");
        assertThat(chat.waitFor(expert, 2).get(1)).contains("asker found your answer about SEO helpful");
        assertThat(redis.opsForZSet().score("tandem:{console}:answers:helpful", expert))
                .isEqualTo(1.0);
        assertThat(chat.say("asker", "/mentor my-questions").text())
                .contains("Where do I start?", expert + " ✓: Start with your top 10 pages.");
        assertThat(chat.say(expert, "/mentor questions").text()).doesNotContain("Where do I start?");
    }

    @Test
    void passesAQuestionOnToTheNextExpert() {
        chat.say("asker", "/mentor ask seo Any tools?");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        String first = q.routedTo().get(0).user();
        String toFirst = chat.waitFor(first, 1).get(0);
        assertThat(chat.click(
                                first,
                                Locale.ENGLISH,
                                AskingQuestion.PASS,
                                FakeChat.value(toFirst, AskingQuestion.PASS),
                                Map.of())
                        .text())
                .contains("I'll ask someone else");
        Question after = questions.question("console", q.id()).orElseThrow();
        assertThat(after.routedTo()).hasSize(4);
        String fourth = after.routedTo().get(3).user();
        assertThat(chat.waitFor(fourth, 1).get(0)).contains("Any tools?");
        assertThat(chat.click(
                                "e9",
                                Locale.ENGLISH,
                                AskingQuestion.PASS,
                                FakeChat.value(toFirst, AskingQuestion.PASS),
                                Map.of())
                        .text())
                .contains("out of date");
    }

    @Test
    void keepsAQuestionNobodyCanAnswerOpenAndSaysSoHonestly() {
        Reply asked = chat.say("asker", "/mentor ask basket-weaving How do I start?");
        assertThat(asked.text()).contains("nobody teaches basket weaving yet", "kept your question open");
        chat.say("newbie", "/mentor teach basket weaving");
        assertThat(chat.say("newbie", "/mentor questions").text()).contains("How do I start?");
        assertThat(chat.say("asker", "/mentor ask").text()).contains("Which skill, and what is your question?");
        assertThat(chat.say("asker", "/mentor ask seo").text()).contains("Which skill, and what is your question?");
        assertThat(chat.say("asker", "/mentor answer zzzzzz hello").text()).contains("can't find the question");
    }

    @Test
    void escalatesAnUnansweredQuestionToTheNextExpertsAndTheProgrammeChannelOnce() {
        chat.say("asker", "/mentor ask seo Which plugin should I use?");
        chat.say("asker", "/mentor ask seo Does page speed matter?");
        List<Question> asked = questions.askedBy(new MemberId("console", "asker"));
        Question answered = asked.stream()
                .filter(q -> q.text().startsWith("Which"))
                .findFirst()
                .orElseThrow();
        Question waiting = asked.stream()
                .filter(q -> q.text().startsWith("Does"))
                .findFirst()
                .orElseThrow();
        chat.say(answered.routedTo().get(0).user(), "/mentor answer " + answered.shortId() + " Yes, a lot.");

        assertThat(later(Duration.ofHours(47)).escalateDue("console")).isZero();
        assertThat(later(Duration.ofHours(49)).escalateDue("console")).isEqualTo(1);
        Question escalated = questions.question("console", waiting.id()).orElseThrow();
        assertThat(escalated.escalatedAt()).isNotNull();
        assertThat(escalated.routedTo())
                .hasSize(5)
                .doesNotHaveDuplicates()
                .extracting(MemberId::user)
                .doesNotContain("asker", "paula");
        for (MemberId next : escalated.routedTo().subList(3, 5)) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> chat.inbox(next.user()).toString().contains("Does page speed matter?"));
        }
        String posted = chat.waitFor("#programme", 1).get(0);
        assertThat(posted)
                .contains(
                        "Nobody has answered this question about SEO yet",
                        "Asked by asker",
                        "Does page speed matter?",
                        "qa.answer",
                        "moderation.report")
                .doesNotContain("Which plugin");
        // anyone in the channel can answer from there
        Reply form = chat.click(
                "volunteer",
                Locale.ENGLISH,
                AnsweringQuestion.ANSWER,
                FakeChat.value(posted, AnsweringQuestion.ANSWER),
                Map.of());
        assertThat(form.blocks().get(0)).isInstanceOf(Block.Form.class);
        assertThat(later(Duration.ofHours(100)).escalateDue("console")).isZero();
        assertThat(chat.inbox("#programme")).hasSize(1);
    }

    @Test
    void sendsAQuestionNobodyCouldBeAskedToTheFirstColleagueWhoTeachesTheSkill() {
        chat.say("asker", Locale.FRENCH, "/mentor demande basket-weaving Par où commencer ?");
        assertThat(later(Duration.ZERO).escalateDue("console")).isZero();
        chat.say("newbie", "/mentor teach basket weaving");
        assertThat(later(Duration.ofHours(2)).escalateDue("console")).isZero();
        assertThat(chat.waitFor("newbie", 1).get(0)).contains("asker has a question about", "Par où commencer ?");
        Question q = questions.askedBy(new MemberId("console", "asker")).get(0);
        assertThat(q.routedTo()).extracting(MemberId::user).containsExactly("newbie");
        // still unanswered after 48 hours: escalated (no one else to ask, but the channel hears of it)
        assertThat(later(Duration.ofHours(49)).escalateDue("console")).isEqualTo(1);
        assertThat(chat.waitFor("#programme", 1).get(0)).contains("Par où commencer ?");
    }
}
