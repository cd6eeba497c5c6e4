package io.tandem.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.MeterRegistry;
import io.tandem.config.TandemProperties;
import io.tandem.engine.MemberId;
import io.tandem.engine.Notification;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.support.EngineTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.mock.env.MockEnvironment;

/** The worker against the real queue, with a scripted sender double (Mockito) for Teams members. */
@EngineTest
class DeliveryWorkerTests {

    @Autowired
    DeliveryQueue queue;

    @Autowired
    StringRedisTemplate redis;

    private DeliveryWorker worker;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    @BeforeEach
    void empty() {
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** A Teams sender double: queued deliveries go to {@link Sender#send(Notification)}, as in the real ones. */
    private static Sender teamsSender() {
        Sender sender = mock(Sender.class);
        when(sender.platform()).thenReturn(Platform.TEAMS);
        when(sender.send(any(Delivery.class))).thenCallRealMethod();
        return sender;
    }

    /** Starts a worker whose sender answers, for each try of a user, what {@code script} says. */
    private void start(Function<Integer, SendResult> script) {
        Sender sender = teamsSender();
        when(sender.send(any(Notification.class))).thenAnswer(call -> {
            Notification n = call.getArgument(0);
            int attempt = tries.computeIfAbsent(n.recipient().user(), u -> new AtomicInteger())
                    .incrementAndGet();
            SendResult result = script.apply(attempt);
            if (result instanceof SendResult.Delivered) {
                delivered.add(n.recipient().user());
            }
            return result;
        });
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("sender", sender);
        MockEnvironment env = new MockEnvironment()
                .withProperty("tandem.delivery.poll-interval", "20ms")
                .withProperty("tandem.delivery.max-attempts", "3");
        TandemProperties properties = Binder.get(env).bindOrCreate("tandem", TandemProperties.class);
        worker = new DeliveryWorker(
                queue,
                beans.getBeanProvider(Sender.class),
                Clock.systemUTC(),
                properties,
                beans.getBeanProvider(MeterRegistry.class));
        worker.start();
    }

    private static SendResult retryNow(boolean throttled) {
        return new SendResult.Retry(Instant.now(), "temporary", throttled);
    }

    @Test
    void deliversEachNotificationOnceAfterTransientFailures() {
        start(attempt -> attempt < 3 ? retryNow(false) : SendResult.delivered());
        for (int i = 0; i < 50; i++) {
            queue.enqueue(RedisDeliveryQueueTests.note("m" + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> delivered.size() == 50);
        assertThat(delivered).doesNotHaveDuplicates();
        assertThat(queue.depth(Platform.TEAMS)).isZero();
        assertThat(queue.failures("teams:tenant", 100)).isEmpty();
    }

    @Test
    void waitsOutRateLimitsHoweverManyThereAre() {
        start(attempt -> attempt < 10 ? retryNow(true) : SendResult.delivered());
        queue.enqueue(RedisDeliveryQueueTests.note("ana"));
        await().atMost(Duration.ofSeconds(10)).until(() -> delivered.contains("ana"));
        assertThat(tries.get("ana")).hasValue(10);
    }

    @Test
    void givesUpAfterTheAttemptLimitAndSaysWhy() {
        start(attempt -> retryNow(false));
        queue.enqueue(RedisDeliveryQueueTests.note("ana"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !queue.failures("teams:tenant", 10).isEmpty());
        assertThat(queue.failures("teams:tenant", 10).get(0).reason()).contains("gave up after 3 attempts");
        assertThat(tries.get("ana")).hasValue(3);
        assertThat(queue.depth(Platform.TEAMS)).isZero();
    }

    @Test
    void recordsPermanentFailuresAtOnce() {
        start(attempt -> new SendResult.Failed("account_inactive"));
        queue.enqueue(RedisDeliveryQueueTests.note("ana"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !queue.failures("teams:tenant", 10).isEmpty());
        assertThat(queue.failures("teams:tenant", 10).get(0).reason()).isEqualTo("account_inactive");
        assertThat(tries.get("ana")).hasValue(1);
    }

    @Test
    void retriesWhenTheSenderThrows() {
        start(attempt -> {
            if (attempt == 1) {
                throw new IllegalStateException("boom");
            }
            return SendResult.delivered();
        });
        queue.enqueue(RedisDeliveryQueueTests.note("ana"));
        await().atMost(Duration.ofSeconds(15)).until(() -> delivered.contains("ana"));
        assertThat(tries.get("ana")).hasValue(2);
    }

    @Test
    void aSendThatOutlastsItsLeaseIsNotSentAgainByAnotherWorker() {
        List<String> sent = new CopyOnWriteArrayList<>();
        // Teams is slow, or this JVM paused: the send takes until the test lets Teams answer
        CountDownLatch teamsAnswers = new CountDownLatch(1);
        Sender slow = teamsSender();
        when(slow.send(any(Notification.class))).thenAnswer(call -> {
            sent.add(call.<Notification>getArgument(0).recipient().user());
            teamsAnswers.await();
            return SendResult.delivered();
        });
        MockEnvironment env = new MockEnvironment()
                .withProperty("tandem.delivery.poll-interval", "20ms")
                .withProperty("tandem.delivery.lease", "300ms");
        TandemProperties properties = Binder.get(env).bindOrCreate("tandem", TandemProperties.class);
        List<DeliveryWorker> two = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("sender", slow);
            two.add(new DeliveryWorker(
                    queue,
                    beans.getBeanProvider(Sender.class),
                    Clock.systemUTC(),
                    properties,
                    beans.getBeanProvider(MeterRegistry.class)));
        }
        try {
            two.forEach(DeliveryWorker::start);
            queue.enqueue(new Notification(new MemberId("teams:tenant", "ana"), "test.kind", Reply.text("Hello")));
            await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 1);
            // the send under way lasts five leases: no other worker sends it meanwhile
            await().during(Duration.ofMillis(1_500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> sent.size() == 1);
            teamsAnswers.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth(Platform.TEAMS) == 0);
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> sent.size() == 1);
            assertThat(sent).containsExactly("ana");
            verify(slow, times(1)).send(any(Notification.class));
        } finally {
            teamsAnswers.countDown();
            two.forEach(DeliveryWorker::stop);
        }
    }
}
