package io.tandem.engine;

/**
 * Thrown by store implementations when the data store cannot be reached. The engine answers "temporarily
 * unavailable" instead of failing; nothing the member asked for has been half-done.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
