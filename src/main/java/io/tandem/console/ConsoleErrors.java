package io.tandem.console;

import io.tandem.engine.StoreUnavailableException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every console API failure answers JSON {@code {"error": "…"}} with the right status; never a stack trace. */
@RestControllerAdvice(
        assignableTypes = {ConsoleController.class, ConsoleClockController.class, ConsoleMembersController.class})
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ConsoleRequests.BadRequest.class)
    ResponseEntity<Map<String, String>> badRequest(ConsoleRequests.BadRequest e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "The request body must be JSON, e.g. " + "{\"user\":\"alice\",\"text\":\"/mentor find seo\"}.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON with Content-Type: application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here.");
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(StoreUnavailableException e) {
        log.warn("Console request failed, store unavailable: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, "Tandem's store is temporarily unavailable; try again shortly.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        log.error("Console request failed", e);
        return error(
                HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Nothing was lost; try again.");
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
