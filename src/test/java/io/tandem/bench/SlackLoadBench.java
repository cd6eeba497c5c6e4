package io.tandem.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import io.tandem.demo.SyntheticOrganisation;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.FakeSlackApi;
import io.tandem.support.SlackRequests;
import io.tandem.support.TestDataDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signed {@code /mentor find} slash commands at fixed rates (open loop: each request leaves at its planned time,
 * and its latency counts from then, so a slow server cannot slow the load down) against the running app, whose
 * Slack Web API is a local fake. Side by side, in the same server and the same run, a bare Bolt app that only
 * acknowledges (the floor). The load generator shares the machine's cores with the server.
 */
@Tag("bench")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tandem.demo.enabled=false",
            "spring.quartz.auto-startup=false",
            "tandem.teams.emulator=false",
            "tandem.slack.bot-token=" + SlackLoadBench.TOKEN,
            "tandem.slack.signing-secret=" + SlackLoadBench.SECRET,
            "logging.level.io.tandem=WARN"
        })
@Import(SlackLoadBench.Floor.class)
class SlackLoadBench {

    static final String TOKEN = "xoxb-bench";
    static final String SECRET = "bench-signing-secret";
    private static final int MEMBERS = 2_000;
    private static final int CALLERS = 300;
    private static final int[] RATES = Arrays.stream(
                    System.getProperty("bench.rates", "100,200,500").split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    private static final FakeSlackApi slack = FakeSlackApi.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("bench-slack").toString());
        registry.add("tandem.slack.api-url", slack::apiUrl);
    }

    @AfterAll
    static void stopFake() {
        slack.close();
    }

    /** The floor: Bolt, the same signing secret, a handler that only acknowledges. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Floor {
        @Bean
        ServletRegistrationBean<SlackAppServlet> floorServlet() {
            SlackConfig config = new SlackConfig();
            config.setMethodsEndpointUrlPrefix(slack.apiUrl());
            App app = new App(AppConfig.builder()
                    .slack(Slack.getInstance(config))
                    .signingSecret(SECRET)
                    .singleTeamBotToken(TOKEN)
                    .build());
            app.command("/mentor", (req, ctx) -> ctx.ack());
            ServletRegistrationBean<SlackAppServlet> bean =
                    new ServletRegistrationBean<>(new SlackAppServlet(app), "/bench/floor");
            bean.setName("benchFloor");
            return bean;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ProfileStore profiles;

    @Autowired
    SkillCatalog catalog;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    record Run(long[] latencies, int errors, int sent) {}

    @Test
    void tandemAnswersWithinReachOfABareAcknowledgement() {
        BenchResults results = new BenchResults("2-slack-http");
        List<Profile> org = SyntheticOrganisation.generate(
                MEMBERS, "slack:" + FakeSlackApi.TEAM_ID, List.copyOf(catalog.all()), Instant.EPOCH);
        profiles.saveAll(org);
        for (int i = 0; i < CALLERS; i++) {
            slack.addUser("m" + i, org.get(i).name(), "Europe/Paris", "en-GB");
        }
        // warm-up: every caller once (Slack's users.info is then cached), and the JIT on both paths
        load("/slack/events", 100, Duration.ofSeconds(10));
        load("/bench/floor", 100, Duration.ofSeconds(5));

        for (int rate : RATES) {
            Run floor = load("/bench/floor", rate, RUN);
            Run tandem = load("/slack/events", rate, RUN);
            String section = "Slack HTTP, " + rate + " commands/s for " + RUN.toSeconds() + " s";
            long floorP99 = BenchResults.percentile(floor.latencies(), 99);
            long tandemP99 = BenchResults.percentile(tandem.latencies(), 99);
            results.info(section, "floor (Bolt ack only): p50 / p99 / max", figures(floor));
            results.record(
                    section,
                    "Tandem /mentor find: p50 / p99 / max",
                    figures(tandem),
                    "p99 ≤ 1.3× the floor's (" + BenchResults.ms(1.3 * floorP99) + ")",
                    tandemP99 <= 1.3 * floorP99);
            results.record(
                    section,
                    "errors (Tandem / floor)",
                    tandem.errors() + " / " + floor.errors() + " of " + tandem.sent(),
                    "0",
                    tandem.errors() == 0 && floor.errors() == 0);
        }
    }

    private static String figures(Run run) {
        return BenchResults.ms(BenchResults.percentile(run.latencies(), 50)) + " / "
                + BenchResults.ms(BenchResults.percentile(run.latencies(), 99)) + " / "
                + BenchResults.ms(BenchResults.percentile(run.latencies(), 100));
    }

    /** Sends {@code rate} signed commands a second for {@code duration}, each at its planned moment. */
    private Run load(String path, int rate, Duration duration) {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        int total = (int) (rate * duration.toSeconds());
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        String[] skills = {"seo", "negotiation", "public speaking", "data analysis", "social media", "coaching"};
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long planned = BenchResults.awaitSlot(start, i, interval);
            String user = "m" + (i % CALLERS);
            String body = SlackRequests.slashCommand(
                    "/mentor", "find " + skills[i % skills.length], user, slack.responseUrl("bench"));
            String ts = String.valueOf(System.currentTimeMillis() / 1000);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(ts, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, e) -> {
                        latencies.add(System.nanoTime() - planned);
                        if (e != null
                                || response.statusCode() != 200
                                || !response.body().contains("\"text\"") && !path.equals("/bench/floor")) {
                            errors.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return new Run(latencies.stream().mapToLong(Long::longValue).toArray(), errors.get(), total);
    }
}
