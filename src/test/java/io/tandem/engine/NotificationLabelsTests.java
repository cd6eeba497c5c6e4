package io.tandem.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.pairing.Requests;
import io.tandem.sessions.SessionStore;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RecordedNotifications;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each notification says what it is, in its recipient's language (their profile's), whatever language the sender
 * speaks: an acceptance is labelled as an acceptance, never as a request.
 */
@EngineTest
class NotificationLabelsTests {

    @Autowired
    RecordedNotifications recorded;

    @Autowired
    SessionStore sessionStore;

    FakeChat chat;

    @BeforeEach
    void organisation(FakeChat fresh) {
        chat = fresh;
        recorded.clear();
        chat.say("bob", "/mentor teach seo");
        chat.say("alice", "/mentor teach negotiation");
    }

    private Notification last(String user) {
        MemberId to = new MemberId("console", user);
        return await().atMost(Duration.ofSeconds(5))
                .until(
                        () -> recorded.all().stream()
                                .filter(n -> n.recipient().equals(to))
                                .reduce((a, b) -> b),
                        Optional::isPresent)
                .get();
    }

    private void acceptFor(String mentor, Locale locale) {
        String toMentor = chat.waitFor(mentor, 1).get(0);
        chat.click(mentor, locale, Requests.ACCEPT, FakeChat.value(toMentor, Requests.ACCEPT), Map.of());
    }

    @Test
    void labelsAnAcceptanceAsOneInEnglish() {
        chat.say("bob", "/mentor set language fr");
        chat.say("alice", "/mentor request @bob seo");
        assertThat(last("bob").label()).isEqualTo("Demande de mentorat");
        acceptFor("bob", Locale.FRENCH);
        Notification toAlice = last("alice");
        assertThat(toAlice.kind()).isEqualTo(NotificationKind.REQUEST_ACCEPTED.id());
        assertThat(toAlice.label()).isEqualTo("Request accepted");
        assertThat(toAlice.message().text()).contains("bob accepted");
    }

    @Test
    void labelsAnAcceptanceAsOneInFrenchWhateverTheSenderSpeaks() {
        chat.say("alice", "/mentor set language fr");
        chat.say("alice", "/mentor request @bob seo");
        assertThat(last("bob").label()).isEqualTo("Mentoring request");
        acceptFor("bob", Locale.ENGLISH);
        Notification toAlice = last("alice");
        assertThat(toAlice.label()).isEqualTo("Demande acceptée");
        assertThat(toAlice.message().text()).doesNotContain("accepted");
    }

    @Test
    void labelsEverySessionChangeByWhatHappened() {
        chat.say("bob", "/mentor set language fr");
        chat.say("alice", "/mentor request @bob seo");
        acceptFor("bob", Locale.FRENCH);
        chat.say("alice", "/mentor schedule @bob tomorrow 15:00 SEO audit");
        assertThat(last("bob").label()).isEqualTo("Séance planifiée");
        String id =
                sessionStore.sessions(new MemberId("console", "alice")).get(0).shortId();
        chat.say("alice", "/mentor reschedule " + id + " in 2 days 10am");
        assertThat(last("bob").label()).isEqualTo("Séance déplacée");
        chat.say("alice", "/mentor cancel " + id);
        assertThat(last("bob").label()).isEqualTo("Séance annulée");
    }

    @Test
    void labelsEveryNotificationTheJourneySends() {
        chat.say("alice", "/mentor request @bob seo");
        acceptFor("bob", Locale.ENGLISH);
        chat.say("alice", "/mentor schedule @bob tomorrow 15:00");
        chat.say("alice", "/mentor ask seo How do I pick keywords? --anon");
        List<Notification> all = recorded.all();
        assertThat(all)
                .extracting(Notification::kind)
                .contains(
                        NotificationKind.REQUEST.id(),
                        NotificationKind.REQUEST_ACCEPTED.id(),
                        NotificationKind.SESSION_SCHEDULED.id(),
                        NotificationKind.QUESTION.id());
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n.label()).as(n.kind()).isNotBlank());
    }
}
