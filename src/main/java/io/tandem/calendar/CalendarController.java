package io.tandem.calendar;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.tandem.engine.MemberId;
import io.tandem.engine.StoreUnavailableException;
import io.tandem.mentoring.CalendarInvite;
import io.tandem.mentoring.MentoringStore;
import io.tandem.mentoring.Profile;
import io.tandem.mentoring.ProfileStore;
import io.tandem.mentoring.Session;

/** Serves each session's invite; anything but a known token is a plain 404, revealing nothing. */
@RestController
class CalendarController {

    private static final Pattern TOKEN = Pattern.compile("[a-f0-9]{32,128}");
    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final MentoringStore sessions;
    private final ProfileStore profiles;
    private final Clock clock;

    CalendarController(MentoringStore sessions, ProfileStore profiles, Clock clock) {
        this.sessions = sessions;
        this.profiles = profiles;
        this.clock = clock;
    }

    @GetMapping("/calendar/{file:.+}")
    ResponseEntity<String> invite(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        if (!TOKEN.matcher(token).matches()) {
            return ResponseEntity.notFound().build();
        }
        Session session;
        try {
            session = sessions.sessionByToken(token).orElse(null);
        } catch (StoreUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        if (session == null) {
            return ResponseEntity.notFound().build();
        }
        String organizer = name(session.organizer());
        String other = name(session.other());
        String summary = "Tandem: " + organizer + " & " + other;
        CalendarInvite.Event event = new CalendarInvite.Event("session-" + session.id() + "@tandem",
                session.sequence(), session.start(), session.end(), clock.instant(), summary,
                session.topic() == null ? "Reverse mentoring session" : session.topic(),
                new CalendarInvite.Attendee(organizer, null), List.of(new CalendarInvite.Attendee(organizer, null),
                new CalendarInvite.Attendee(other, null)), null);
        String body = CalendarInvite.render(event, session.status() == Session.Status.CANCELLED
                ? CalendarInvite.Method.CANCEL : CalendarInvite.Method.REQUEST);
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tandem-session.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private String name(MemberId id) {
        try {
            return profiles.find(id).map(Profile::name).orElse(id.user());
        } catch (StoreUnavailableException e) {
            return id.user();
        }
    }
}
