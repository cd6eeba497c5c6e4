package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.TandemApplication;
import io.tandem.console.ConsoleInbox;
import io.tandem.engine.ConversationEngine;
import io.tandem.support.FakeChat;
import io.tandem.support.TestDataDirs;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded Redis keeps its data in the data directory: stop Tandem, start it again, and it is all there. */
class DataSurvivesRestartTests {

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--tandem.data-dir=" + dataDir, "--tandem.demo.enabled=false"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(TandemApplication.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private static FakeChat chat(ConfigurableApplicationContext context) {
        return new FakeChat(context.getBean(ConversationEngine.class), context.getBean(ConsoleInbox.class));
    }

    @Test
    void keepsProfilesAcrossARestart() {
        Path dataDir = TestDataDirs.fresh("restart");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            chat(first).say("bob", "/mentor teach seo");
            chat(first).say("bob", "/mentor set seniority junior");
            chat(first).say("bob", "/mentor bio Écrit juste avant l'arrêt.");
        }
        assertThat(Files.exists(dataDir.resolve("redis/redis.port")))
                .as("the server was stopped")
                .isFalse();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            FakeChat chat = chat(second);
            assertThat(chat.say("alice", Locale.FRENCH, "/mentor profil @bob").text())
                    .contains("Écrit juste avant l'arrêt.", "Référencement naturel", "junior");
            assertThat(FakeChat.cards(chat.say("alice", "/mentor find seo"))).hasSize(1);
        }
    }

    @Test
    void refusesToShareADataDirectoryWithAnotherTandem() {
        Path dataDir = TestDataDirs.fresh("shared");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            // the refusal to start is the point: Spring Boot's "Application run failed" report is not needed here
            assertThatThrownBy(() -> start(dataDir, "--logging.level.org.springframework.boot.SpringApplication=OFF"))
                    .hasStackTraceContaining("Another Tandem is using");
            assertThat(chat(first).say("bob", "/mentor help").text()).contains("/mentor find");
        }
    }

    @Test
    void stopsAServerLeftBehindByACrashedRun() throws Exception {
        Path dataDir = TestDataDirs.fresh("orphan");
        EmbeddedRedis orphan = EmbeddedRedis.start(dataDir, 0);
        // Simulate a crash: the server keeps running, but its owner's lock is gone.
        orphanLockReleased(orphan);
        try (ConfigurableApplicationContext context = start(dataDir)) {
            int port = context.getBean(EmbeddedRedis.class).port();
            assertThat(port).isNotEqualTo(orphan.port());
            assertThat(portAnswers(orphan.port()))
                    .as("the orphan was shut down")
                    .isFalse();
        }
    }

    private static void orphanLockReleased(EmbeddedRedis orphan) throws Exception {
        var lock = EmbeddedRedis.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((FileLock) lock.get(orphan)).release();
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
