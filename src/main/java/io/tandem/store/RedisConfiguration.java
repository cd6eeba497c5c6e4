package io.tandem.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;
import io.tandem.config.TandemProperties;

/**
 * Which Redis: the one configured ({@code REDIS_URL} or {@code spring.data.redis.*}), else an embedded real
 * {@code redis-server} started here.
 */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    /**
     * While Redis is unreachable, commands fail at once instead of queueing: the member is told "temporarily
     * unavailable" and no half-remembered write is replayed later behind their back. Lettuce keeps reconnecting,
     * so Tandem recovers by itself when Redis is back.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer tandemLettuceOptions() {
        return builder -> builder.autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(NoRedisConfigured.class)
    static class Embedded {

        @Bean(destroyMethod = "close")
        EmbeddedRedis embeddedRedis(TandemProperties properties) {
            return EmbeddedRedis.start(properties.dataDir(), properties.redis().embeddedPort());
        }

        @Bean
        DataRedisConnectionDetails embeddedRedisConnectionDetails(EmbeddedRedis redis) {
            return new DataRedisConnectionDetails() {
                @Override
                public Standalone getStandalone() {
                    return Standalone.of(redis.host(), redis.port());
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(RedisConfigured.class)
    static class External {
        External(org.springframework.core.env.Environment env) {
            log.info("Using the configured Redis at {}", NoRedisConfigured.describe(env));
        }
    }
}
