package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.demo.SyntheticOrganisation;
import io.tandem.engine.ChatEvent;
import io.tandem.engine.ConversationEngine;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.engine.Reply;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.skills.Skill;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.TestDataDirs;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /mentor find} in organisations of 1,000, 10,000 and 100,000 members (the synthetic demo generator) on the
 * embedded Redis: server-side latency through the whole engine (p50, p99, after a warm-up), Redis round trips per
 * find (socket flushes, {@link RoundTrips}) and commands per find ({@code INFO commandstats}), and Redis memory per
 * member.
 */
@Tag("bench")
@SpringBootTest(
        properties = {
            "tandem.demo.enabled=false",
            "spring.quartz.auto-startup=false",
            "tandem.teams.emulator=false",
            "tandem.console.enabled=false"
        })
@Import(RoundTrips.class)
class FindAtScaleBench {

    private static final int WARM_UP = 500;
    private static final int MEASURED = 3_000;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("tandem.data-dir", () -> TestDataDirs.fresh("bench-find").toString());
    }

    private int found;

    @Autowired
    ConversationEngine engine;

    @Autowired
    ProfileStore profiles;

    @Autowired
    SkillCatalog catalog;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void findStaysFlatAsTheOrganisationGrows() {
        BenchResults results = new BenchResults("1-find-at-scale");
        List<Skill> skills = List.copyOf(catalog.all());
        double p50At1k = 0;
        double tripsAt1k = 0;
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            String team = "TBENCH" + size;
            String ws = MemberId.of(Platform.SLACK, team, "x").workspace();
            long memoryBefore = usedMemory();
            List<Profile> org = SyntheticOrganisation.generate(size, ws, skills, Instant.EPOCH);
            profiles.saveAll(org);
            long memoryAfter = usedMemory();

            Random random = new Random(7);
            for (int i = 0; i < WARM_UP; i++) {
                find(org, skills, random);
            }
            long[] took = new long[MEASURED];
            found = 0;
            long commandsBefore = commands();
            long tripsBefore = RoundTrips.FLUSHES.get();
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                find(org, skills, random);
                took[i] = System.nanoTime() - start;
            }
            double trips = (RoundTrips.FLUSHES.get() - tripsBefore) / (double) MEASURED;
            double perFind = (commands() - commandsBefore - 2) / (double) MEASURED; // minus our own INFOs
            double p50 = BenchResults.percentile(took, 50);
            double p99 = BenchResults.percentile(took, 99);
            String label = String.format(Locale.ROOT, "%,d members", size);
            if (size == 1_000) {
                p50At1k = p50;
                tripsAt1k = trips;
                results.info("/mentor find", label + ": p50", BenchResults.ms(p50));
                results.info("/mentor find", label + ": Redis round trips per find", BenchResults.num(trips));
            } else {
                results.record(
                        "/mentor find",
                        label + ": p50",
                        BenchResults.ms(p50) + String.format(Locale.ROOT, " (%.2f× 1,000)", p50 / p50At1k),
                        "≤ 2× the 1,000 figure",
                        p50 <= 2 * p50At1k);
                results.record(
                        "/mentor find",
                        label + ": Redis round trips per find",
                        BenchResults.num(trips),
                        "as at 1,000 (" + BenchResults.num(tripsAt1k) + "), ± 10%",
                        trips <= tripsAt1k * 1.1);
            }
            // pipelined commands share a round trip; this grows until every seniority band has 20 candidates
            results.info("/mentor find", label + ": Redis commands per find", BenchResults.num(perFind));
            results.info("/mentor find", label + ": p99", BenchResults.ms(p99));
            results.info(
                    "/mentor find",
                    label + ": finds that listed mentors",
                    String.format(Locale.ROOT, "%.0f%%", 100.0 * found / MEASURED));
            if (size == 100_000) {
                double perMember = (memoryAfter - memoryBefore) / (double) size;
                results.record(
                        "Cost",
                        "Redis memory per member (100,000)",
                        BenchResults.num(perMember) + " B",
                        "< 2 KB",
                        perMember < 2048);
            }
        }
    }

    /** A find by a random member, with the timezone their chat platform reports (so nothing about them changes). */
    private void find(List<Profile> org, List<Skill> skills, Random random) {
        Profile member = org.get(random.nextInt(org.size()));
        Skill skill = skills.get(random.nextInt(skills.size()));
        String team = member.id().workspace().substring("slack:".length());
        Reply reply = engine.handle(ChatEvent.text(
                Platform.SLACK,
                team,
                member.id().user(),
                null,
                null,
                member.zone(),
                null,
                "/mentor find " + skill.nameEn(),
                List.of()));
        assertThat(reply.text()).as(skill.nameEn()).doesNotContain("temporarily unavailable");
        if (reply.text().startsWith("Mentors for")) {
            found++;
        }
    }

    private long usedMemory() {
        Properties memory =
                redis.getConnectionFactory().getConnection().serverCommands().info("memory");
        return Long.parseLong(memory.getProperty("used_memory"));
    }

    /** Commands Redis has run, all kinds together, from INFO commandstats. */
    private long commands() {
        Properties stats =
                redis.getConnectionFactory().getConnection().serverCommands().info("commandstats");
        long total = 0;
        for (String name : stats.stringPropertyNames()) {
            String value = stats.getProperty(name);
            int at = value.indexOf("calls=");
            if (name.startsWith("cmdstat_") && at >= 0) {
                int end = value.indexOf(',', at);
                total += Long.parseLong(value.substring(at + 6, end < 0 ? value.length() : end));
            }
        }
        return total;
    }
}
