package io.tandem.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets operators say {@code REDIS_URL=rediss://:password@host:6380} (the convention of most Redis hosts) as well as
 * Spring's own {@code SPRING_DATA_REDIS_URL}; Spring's wins when both are set.
 */
public class RedisUrlEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("REDIS_URL", "");
        if (!url.isBlank()
                && environment.getProperty("spring.data.redis.url", "").isBlank()) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("tandemRedisUrl", Map.of("spring.data.redis.url", url.strip())));
        }
    }
}
