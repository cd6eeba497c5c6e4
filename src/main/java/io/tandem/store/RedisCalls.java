package io.tandem.store;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;

import io.lettuce.core.RedisException;
import io.tandem.engine.StoreUnavailableException;

/** Turns Redis client failures into the engine's {@link StoreUnavailableException}. */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException | RedisException e) {
            throw new StoreUnavailableException("Redis: " + e.getMessage(), e);
        }
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
