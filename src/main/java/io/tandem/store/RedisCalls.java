package io.tandem.store;

import io.lettuce.core.RedisException;
import io.tandem.engine.StoreUnavailableException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Turns Redis client failures into the engine's {@link StoreUnavailableException}. */
final class RedisCalls {

    private RedisCalls() {}

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

    /** Sends the commands queued by {@code commands} in one round trip (in order) and returns their results. */
    static List<Object> pipelined(StringRedisTemplate redis, Consumer<RedisOperations<String, String>> commands) {
        return call(() -> redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> ops) throws DataAccessException {
                commands.accept((RedisOperations<String, String>) ops);
                return null;
            }
        }));
    }
}
