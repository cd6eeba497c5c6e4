package io.tandem.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.pairing.Requests;
import io.tandem.profiles.MemberEmails;
import io.tandem.sessions.CalendarInviteTests.Component;
import io.tandem.sessions.CalendarInviteTests.Ics;
import io.tandem.sessions.CalendarInviteTests.Property;
import io.tandem.support.EngineTest;
import io.tandem.support.FakeChat;
import io.tandem.support.RecordedNotifications;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A session's invite as a calendar reads it: organized by whoever changed it last, attendees at their real emails
 * when Tandem knows them, a reply asked for only when it can arrive. {@code ann} and {@code anna}: names that are
 * prefixes of each other, so a line naming one is never taken for the other.
 */
@EngineTest
class SessionInvitesTests {

    @Autowired
    SessionStore sessionStore;

    @Autowired
    SessionInvites invites;

    @Autowired
    MemberEmails emails;

    @Autowired
    RecordedNotifications recorded;

    FakeChat chat;

    static final MemberId ANN = new MemberId("console", "ann");
    static final MemberId ANNA = new MemberId("console", "anna");

    @BeforeEach
    void pair(FakeChat fresh) {
        chat = fresh;
        recorded.clear();
        chat.say("anna", "/mentor teach seo");
        chat.say("ann", "/mentor request @anna seo");
        String toAnna = chat.waitFor("anna", 1).get(0);
        chat.click("anna", Locale.ENGLISH, Requests.ACCEPT, FakeChat.value(toAnna, Requests.ACCEPT), Map.of());
    }

    private Session only() {
        return sessionStore.sessions(ANN).get(0);
    }

    private static Component vevent(String ics) {
        return Ics.parse(ics).children().get(0);
    }

    private static Property attendee(Component vevent, String name) {
        return vevent.all("ATTENDEE").stream()
                .filter(p -> name.equals(p.params().get("CN")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void asksNoReplyThatCouldNeverArriveWhenTandemKnowsNoEmail() {
        chat.say("ann", "/mentor schedule @anna tomorrow 15:00 First steps");
        String ics = invites.render(only());
        assertThat(ics).doesNotContain("RSVP=TRUE");
        Component vevent = vevent(ics);
        assertThat(vevent.first("ORGANIZER").params()).containsEntry("CN", "ann");
        assertThat(attendee(vevent, "ann").params())
                .containsEntry("PARTSTAT", "ACCEPTED")
                .containsEntry("RSVP", "FALSE");
        assertThat(attendee(vevent, "anna").params()).containsEntry("RSVP", "FALSE");
        assertThat(vevent.all("ATTENDEE")).hasSize(2);
    }

    @Test
    void invitesAtRealEmailsAndAsksTheOtherToReplyToTheOrganizer() {
        emails.set(ANN, "ann@example.com");
        emails.set(ANNA, "anna@example.com");
        chat.say("ann", "/mentor schedule @anna tomorrow 15:00");
        Component vevent = vevent(invites.render(only()));
        assertThat(vevent.value("ORGANIZER")).isEqualTo("mailto:ann@example.com");
        assertThat(attendee(vevent, "anna").value()).isEqualTo("mailto:anna@example.com");
        assertThat(attendee(vevent, "anna").params()).containsEntry("RSVP", "TRUE");
        assertThat(attendee(vevent, "ann").params()).containsEntry("RSVP", "FALSE");
        assertThat(invites.render(only())).doesNotContain("tandem.invalid");
    }

    @Test
    void asksNoReplyWhenOnlyTheAttendeesEmailIsKnown() {
        emails.set(ANNA, "anna@example.com");
        chat.say("ann", "/mentor schedule @anna tomorrow 15:00");
        Component vevent = vevent(invites.render(only()));
        assertThat(attendee(vevent, "anna").params()).containsEntry("RSVP", "FALSE");
    }

    @Test
    void namesWhoeverChangedItLastAsOrganizerWithSequenceAndCancelRight() {
        emails.set(ANN, "ann@example.com");
        emails.set(ANNA, "anna@example.com");
        chat.say("ann", "/mentor schedule @anna tomorrow 15:00");
        Session session = only();
        assertThat(vevent(invites.render(session)).value("SEQUENCE")).isEqualTo("0");

        chat.say("anna", "/mentor reschedule " + session.shortId() + " in 2 days 10am");
        String moved = invites.render(only());
        Component afterMove = vevent(moved);
        assertThat(moved).contains("METHOD:REQUEST");
        assertThat(afterMove.value("SEQUENCE")).isEqualTo("1");
        assertThat(afterMove.first("ORGANIZER").params()).containsEntry("CN", "anna");
        assertThat(afterMove.value("ORGANIZER")).isEqualTo("mailto:anna@example.com");
        assertThat(attendee(afterMove, "ann").params()).containsEntry("RSVP", "TRUE");
        assertThat(attendee(afterMove, "anna").params()).containsEntry("PARTSTAT", "ACCEPTED");
        assertThat(afterMove.value("UID")).isEqualTo("session-" + session.id() + "@tandem");

        chat.say("ann", "/mentor cancel " + session.shortId());
        String cancelled = invites.render(only());
        Component afterCancel = vevent(cancelled);
        assertThat(cancelled).contains("METHOD:CANCEL", "STATUS:CANCELLED");
        assertThat(afterCancel.value("SEQUENCE")).isEqualTo("2");
        assertThat(afterCancel.value("ORGANIZER")).isEqualTo("mailto:ann@example.com");
        assertThat(afterCancel.value("UID")).isEqualTo("session-" + session.id() + "@tandem");
    }

    @Test
    void tellsACancelledMemberToTakeItOutOfTheirCalendarInTheirLanguage() {
        chat.say("anna", "/mentor set language fr");
        chat.say("ann", "/mentor schedule @anna tomorrow 15:00");
        chat.say("ann", "/mentor cancel " + only().shortId());
        Notification toAnna = recorded.all().stream()
                .filter(n -> n.recipient().equals(ANNA))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(toAnna.message().text())
                .contains("Pour la retirer de votre agenda", ".ics")
                .doesNotContain("Ajoutez-la à votre agenda");

        chat.say("anna", "/mentor set language en");
        chat.say("ann", "/mentor schedule @anna tomorrow 17:00");
        Session second = sessionStore.sessions(ANN).stream()
                .filter(s -> s.status() == Session.Status.SCHEDULED)
                .findFirst()
                .orElseThrow();
        chat.say("ann", "/mentor cancel " + second.shortId());
        Notification english = recorded.all().stream()
                .filter(n -> n.recipient().equals(ANNA))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(english.message().text())
                .contains("To take it out of your calendar")
                .doesNotContain("Add it to your calendar");
    }
}
