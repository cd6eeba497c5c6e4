package io.tandem.store;

import io.lettuce.core.ClientOptions;
import io.tandem.config.TandemProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

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
        return builder ->
                builder.autoReconnect(true).disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    /** Commands a pipeline writes at once (a find's reads fit in one write). */
    private static final int PIPELINE_FLUSH_EVERY = 512;

    /**
     * A pipeline goes out in writes of up to {@value #PIPELINE_FLUSH_EVERY} commands (Spring Data Redis writes each
     * command of a pipeline as it is queued by default): one network round trip for the pipelines commands use,
     * not one packet per command. The benchmarks count round trips as socket flushes (README "Performance").
     */
    @Bean
    static BeanPostProcessor tandemPipelineFlushing() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof LettuceConnectionFactory f) {
                    f.setPipeliningFlushPolicy(LettuceConnection.PipeliningFlushPolicy.buffered(PIPELINE_FLUSH_EVERY));
                }
                return bean;
            }
        };
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
        External(Environment env) {
            log.info("Using the configured Redis at {}", NoRedisConfigured.describe(env));
        }
    }
}
