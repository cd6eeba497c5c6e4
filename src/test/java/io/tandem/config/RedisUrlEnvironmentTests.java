package io.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class RedisUrlEnvironmentTests {

    private final RedisUrlEnvironment processor = new RedisUrlEnvironment();

    @Test
    void mapsRedisUrlToSpringsProperty() {
        MockEnvironment env = new MockEnvironment().withProperty("REDIS_URL", " rediss://:secret@redis.example:6380 ");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("rediss://:secret@redis.example:6380");
    }

    @Test
    void letsSpringsOwnPropertyWin() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("REDIS_URL", "redis://a:1")
                .withProperty("spring.data.redis.url", "redis://b:2");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.data.redis.url")).isEqualTo("redis://b:2");
    }

    @Test
    void doesNothingWithoutRedisUrl() {
        MockEnvironment env = new MockEnvironment().withProperty("REDIS_URL", "  ");
        processor.postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty("spring.data.redis.url")).isNull();
    }
}
