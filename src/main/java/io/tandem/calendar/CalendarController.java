package io.tandem.calendar;

import io.tandem.engine.StoreUnavailableException;
import io.tandem.sessions.Session;
import io.tandem.sessions.SessionInvites;
import io.tandem.sessions.SessionStore;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves each session's invite; anything but a known token is a plain 404, revealing nothing. */
@RestController
class CalendarController {

    private static final Pattern TOKEN = Pattern.compile("[a-f0-9]{32,128}");
    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final SessionStore sessionStore;
    private final SessionInvites invites;

    CalendarController(SessionStore sessionStore, SessionInvites invites) {
        this.sessionStore = sessionStore;
        this.invites = invites;
    }

    @GetMapping("/calendar/{file:.+}")
    ResponseEntity<String> invite(@PathVariable String file) {
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        if (!TOKEN.matcher(token).matches()) {
            return ResponseEntity.notFound().build();
        }
        String body;
        try {
            Session session = sessionStore.sessionByToken(token).orElse(null);
            if (session == null) {
                return ResponseEntity.notFound().build();
            }
            body = invites.render(session);
        } catch (StoreUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tandem-session.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
