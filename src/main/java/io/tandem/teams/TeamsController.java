package io.tandem.teams;

import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/messages}: the body is read as text and parsed with the SDK's own (Jackson 2) mapper, then
 * handed to the SDK, which validates the JWT before the bot sees anything. A missing, forged or expired token
 * is a 401 and nothing is processed; an unreadable activity, or one without a conversation, sender or service URL,
 * is a 400 ({@link TeamsActivityReader}).
 */
@RestController
@Conditional(TeamsConditions.On.class)
class TeamsController {

    private static final Logger log = LoggerFactory.getLogger(TeamsController.class);
    private static final long WAIT_SECONDS = 12;

    private final TeamsAdapter adapter;
    private final Bot bot;
    private final JacksonAdapter json = new JacksonAdapter();
    private final TeamsActivityReader reader = new TeamsActivityReader();

    TeamsController(TeamsAdapter adapter, TeamsBot bot) {
        this.adapter = adapter;
        this.bot = bot;
    }

    @PostMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> messages(
            @RequestBody(required = false) String body,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        Activity activity;
        try {
            activity = reader.read(body);
        } catch (TeamsActivityReader.Refused e) {
            log.info("Refused an unreadable Teams activity: {}", e.getMessage());
            return error(HttpStatus.BAD_REQUEST, "Not a Bot Framework activity");
        }
        AtomicBoolean authenticated = new AtomicBoolean();
        Bot guarded = turn -> {
            authenticated.set(true);
            return bot.onTurn(turn);
        };
        CompletableFuture<InvokeResponse> processing;
        try {
            processing = adapter.processIncomingActivity(authorization, activity, guarded);
        } catch (RuntimeException e) {
            return rejected(e);
        }
        try {
            InvokeResponse response = processing.get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (response == null) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            String responseBody = response.getBody() == null ? null : json.serialize(response.getBody());
            return ResponseEntity.status(response.getStatus()).body(responseBody);
        } catch (ExecutionException | CompletionException e) {
            if (!authenticated.get()) {
                return rejected(e.getCause() == null ? e : e.getCause());
            }
            // The engine answered but Teams did not take the reply: retrying the whole turn would act twice.
            log.error("Teams turn failed after the bot ran", e.getCause() == null ? e : e.getCause());
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        } catch (TimeoutException e) {
            log.warn("Teams turn still running after {} s; answering 202", WAIT_SECONDS);
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        } catch (IOException e) {
            log.error("Could not write an invoke response", e);
            return ResponseEntity.status(HttpStatus.ACCEPTED).build();
        }
    }

    private static ResponseEntity<String> rejected(Throwable e) {
        Throwable cause = e;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        log.info(
                "Rejected a Teams request: {}{}",
                cause instanceof AuthenticationException ? "" : "auth failed: ",
                cause.getMessage());
        return error(HttpStatus.UNAUTHORIZED, "Unauthorized");
    }

    private static ResponseEntity<String> error(HttpStatus status, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"error\":\"" + message + "\"}");
    }
}
