package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.console.ConsoleInbox;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.Language;
import io.tandem.engine.Messages;
import io.tandem.support.FakeChat;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.embedded.RedisServer;

/**
 * Tandem pointed at a configured Redis (not its embedded one) that goes away: members are told it is temporarily
 * unavailable, in their language, and Tandem recovers by itself when Redis is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "tandem.demo.enabled=false")
class RedisOutageTests {

    private static int port;
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
        redis.start();
    }

    @AfterAll
    static void stopRedis() throws IOException {
        if (redis.isActive()) {
            redis.stop();
        }
    }

    @DynamicPropertySource
    static void externalRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + port);
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("outage").toString());
    }

    @Autowired
    ConversationEngine engine;

    @Autowired
    ConsoleInbox inbox;

    @Autowired(required = false)
    EmbeddedRedis embedded;

    @Test
    void saysTemporarilyUnavailableAndRecoversWhenRedisIsBack() throws IOException {
        assertThat(embedded).as("a configured Redis replaces the embedded one").isNull();
        FakeChat chat = new FakeChat(engine, inbox);
        assertThat(chat.say("bob", "/mentor teach seo").text()).contains("You teach: SEO.");

        redis.stop();
        assertThat(chat.say("bob", "/mentor find seo").text())
                .isEqualTo(Messages.of(Language.EN).get("error.unavailable"));
        assertThat(chat.say("bob", Locale.FRENCH, "/mentor profil").text())
                .isEqualTo(Messages.of(Language.FR).get("error.unavailable"));

        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
        redis.start();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() ->
                        assertThat(chat.say("bob", "/mentor teach seo").text()).contains("You teach: SEO."));
    }
}
