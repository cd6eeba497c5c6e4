package io.tandem.console;

import io.tandem.config.LocalMode;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.engine.TravelClock;
import io.tandem.nudges.NudgeDispatcher;
import io.tandem.nudges.NudgeStore;
import io.tandem.nudges.Sweeps;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time travel for demos, local mode only: {@code POST /api/console/clock {"advance":"PT25H"}} moves Tandem's
 * clock forward and runs what fell due, so tomorrow's reminder arrives in the console now. Off unless
 * {@code tandem.console.time-travel=true}; Tandem refuses to start with it when Slack, Teams or an external
 * Redis is configured, so real members can never be sent a nudge early.
 */
@RestController
@RequestMapping("/api/console")
@ConditionalOnBooleanProperty(name = "tandem.console.time-travel")
class ConsoleClockController {

    private static final Duration MOST = Duration.ofDays(366);
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final TravelClock clock;
    private final Sweeps sweeps;
    private final NudgeDispatcher dispatcher;
    private final NudgeStore nudges;

    ConsoleClockController(
            TravelClock clock, Sweeps sweeps, NudgeDispatcher dispatcher, NudgeStore nudges, Environment env) {
        String real = LocalMode.notLocalBecause(env).orElse(null);
        if (real != null) {
            throw new IllegalStateException("tandem.console.time-travel is for local demos only, and " + real
                    + " is set: turn one of them off");
        }
        this.clock = clock;
        this.sweeps = sweeps;
        this.dispatcher = dispatcher;
        this.nudges = nudges;
    }

    /** {@code locale} and {@code timezone} (optional) say how to write {@code waiting}. */
    record Advance(String advance, String locale, String timezone) {}

    /** Tandem's time (the console shows its time-travel controls when this answers). */
    @GetMapping("/clock")
    Map<String, Object> now() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.instant().toString());
        out.put("offset", clock.offset().toString());
        return out;
    }

    @PostMapping("/clock")
    Map<String, Object> advance(@RequestBody Advance request) {
        String text = ConsoleRequests.required(request == null ? null : request.advance(), "advance", "\"PT25H\"");
        Duration by;
        try {
            by = Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ConsoleRequests.BadRequest(
                    "\"advance\" must be an ISO-8601 duration such as \"PT25H\" or \"P7D\".");
        }
        if (by.isNegative() || by.isZero() || by.compareTo(MOST) > 0) {
            throw new ConsoleRequests.BadRequest("\"advance\" must move time forward, by at most a year.");
        }
        Language language = Language.of(ConsoleRequests.locale(request.locale()));
        ZoneId zone =
                Optional.ofNullable(ConsoleRequests.zone(request.timezone())).orElse(UTC);
        clock.advance(by);
        sweeps.run();
        int sent = dispatcher.runDue();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", clock.instant().toString());
        out.put("offset", clock.offset().toString());
        out.put("sent", sent);
        out.put("waiting", waiting(sent, language, zone));
        return out;
    }

    /**
     * What is still waiting and when the first of it goes, so a travel that sent nothing (+25 h from Friday
     * evening: nudges wait for working hours) says why on screen.
     */
    private List<String> waiting(int sent, Language language, ZoneId zone) {
        Messages m = Messages.of(language);
        long count = nudges.depth();
        Optional<Instant> next = nudges.oldestDue();
        if (count == 0 || next.isEmpty()) {
            return List.of(m.get("console.clock.waiting.none"));
        }
        String when = DateTimeFormatter.ofPattern(m.get("console.clock.waiting.format"), language.locale())
                        .withZone(zone)
                        .format(next.get())
                + " (" + zone.getId() + ")";
        String first = count == 1
                ? m.get("console.clock.waiting.one", when)
                : m.get("console.clock.waiting.many", count, when);
        return sent > 0 ? List.of(first) : List.of(first, m.get("console.clock.waiting.hours"));
    }
}
