package io.tandem.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.demo.SyntheticOrganisation;
import io.tandem.engine.Language;
import io.tandem.engine.MemberId;
import io.tandem.matching.FindingMentors;
import io.tandem.matching.MentorMatch;
import io.tandem.profiles.Profile;
import io.tandem.profiles.Seniority;
import io.tandem.skills.SkillCatalog;
import io.tandem.support.ClusterMode;
import io.tandem.support.EngineTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.core.StringRedisTemplate;

@EngineTest
class RedisProfileStoreTests {

    @Autowired
    RedisProfileStore store;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    SkillCatalog catalog;

    @Autowired
    Clock clock;

    @BeforeEach
    void empty() {
        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
    }

    private static Profile profile(String ws, String user, Seniority seniority, Set<String> teaches) {
        return new Profile(
                new MemberId(ws, user),
                user,
                user,
                null,
                Language.EN,
                ZoneId.of("Europe/Paris"),
                false,
                seniority,
                null,
                null,
                2,
                0,
                null,
                false,
                teaches,
                Set.of("negotiation"),
                Instant.EPOCH);
    }

    @Test
    void aMemberErasedAndBackIsNeverServedTheirOldProfileFromAnInstancesMemory() {
        RedisProfileStore other = new RedisProfileStore(redis); // where the member is erased and comes back
        Profile before =
                profile("slack:T1", "bob", Seniority.EXEC, Set.of("seo")).withBio("my old life");
        store.save(before);
        store.save(before.withTeam("Sales"));
        assertThat(store.findAll(List.of(before.id())).get(before.id()).bio()).isEqualTo("my old life");

        redis.delete(RedisKeys.member(before.id())); // erased: the profile's hash is gone
        Profile after = profile("slack:T1", "bob", Seniority.JUNIOR, Set.of("crm"));
        other.save(after);
        other.save(after); // the new profile's version count reaches the old one's

        assertThat(store.findAll(List.of(before.id())).get(before.id())).isEqualTo(after);
    }

    @Test
    void aSearchSeesAtOnceWhatAnotherInstanceChanged() {
        RedisProfileStore other = new RedisProfileStore(redis); // another instance, its own profiles in memory
        Profile ana = profile("slack:T1", "ana", Seniority.JUNIOR, Set.of("seo"));
        Profile bob = profile("slack:T1", "bob", Seniority.SENIOR, Set.of("seo"));
        Profile eve = profile("console:x", "eve", Seniority.MID, Set.of("seo"));
        store.saveAll(List.of(ana, bob, eve));
        List<MemberId> ids = List.of(ana.id(), bob.id(), eve.id(), new MemberId("slack:T1", "nobody"));
        assertThat(store.findAll(ids)).containsOnlyKeys(ana.id(), bob.id(), eve.id());
        assertThat(store.findAll(ids).get(bob.id())).isEqualTo(bob);

        Profile bobNow = bob.withTeaches(Set.of("seo", "negotiation"));
        other.save(bobNow);
        redis.delete(RedisKeys.member(eve.id()));
        assertThat(store.findAll(ids))
                .as("bob as saved elsewhere, eve gone")
                .containsOnlyKeys(ana.id(), bob.id())
                .containsEntry(bob.id(), bobNow)
                .containsEntry(ana.id(), ana);
    }

    @Test
    void roundTripsEveryField() {
        Profile p = new Profile(
                new MemberId("slack:T1", "U2"),
                "Ana Lima",
                "ana",
                Language.FR,
                Language.EN,
                ZoneId.of("America/Montreal"),
                true,
                Seniority.MID,
                "R&D",
                new MemberId("slack:T1", "U9"),
                3,
                1,
                "Bio, with | and \"quotes\"",
                true,
                Set.of("seo", "my-tag"),
                Set.of("negotiation"),
                Instant.parse("2026-01-02T03:04:05Z"));
        store.save(p);
        assertThat(store.find(p.id())).contains(p);
        assertThat(store.findByHandle("slack:T1", "ANA")).contains(p.id());
        assertThat(store.find(new MemberId("slack:T2", "U2"))).isEmpty();
        assertThat(store.count("slack:T1")).isEqualTo(1);
        assertThat(store.count("slack:T2")).isZero();
    }

    @Test
    void keepsTheTeacherIndexInStepWithEveryChange() {
        String ws = "console";
        Profile bob = profile(ws, "bob", Seniority.JUNIOR, Set.of("seo", "sea"));
        store.save(bob);
        assertThat(store.teachers(ws, "seo", 10)).containsExactly(bob.id());

        store.save(bob.withSeniority(Seniority.SENIOR));
        assertThat(store.teachers(ws, "seo", 10)).containsExactly(bob.id());
        assertThat(redis.hasKey(RedisKeys.teachers(ws, "seo", "junior"))).isFalse();

        store.save(bob.withSeniority(Seniority.SENIOR).withTeaches(Set.of("sea")));
        assertThat(store.teachers(ws, "seo", 10)).isEmpty();
        assertThat(store.teachers(ws, "sea", 10)).containsExactly(bob.id());

        store.save(
                bob.withSeniority(Seniority.SENIOR).withTeaches(Set.of("sea")).withPaused(true));
        assertThat(store.teachers(ws, "sea", 10)).isEmpty();
        assertThat(store.teacherCounts(ws, List.of("sea", "seo"))).isEmpty();

        store.save(bob.withPaused(false));
        assertThat(store.teacherCounts(ws, List.of("sea", "seo", "excel"))).containsOnlyKeys("sea", "seo");
        assertThat(redis.opsForSet().members(RedisKeys.learners(ws, "negotiation")))
                .containsExactly("bob");
        store.save(bob.withLearns(Set.of()));
        assertThat(redis.hasKey(RedisKeys.learners(ws, "negotiation"))).isFalse();
    }

    @Test
    void movesTheHandleWhenItChanges() {
        Profile bob = profile("console", "bob", Seniority.JUNIOR, Set.of());
        store.save(bob);
        store.save(bob.withHandle("bobby"));
        assertThat(store.findByHandle("console", "bob")).isEmpty();
        assertThat(store.findByHandle("console", "bobby")).contains(bob.id());
    }

    @Test
    void listsMostSpareCapacityFirstWithinEachBand() {
        String ws = "console";
        Profile full = profile(ws, "a", Seniority.JUNIOR, Set.of("seo")).withCapacity(1);
        Profile roomy = profile(ws, "b", Seniority.JUNIOR, Set.of("seo")).withCapacity(5);
        Profile unknown = profile(ws, "c", null, Set.of("seo"));
        store.saveAll(List.of(full, roomy, unknown));
        assertThat(store.teachers(ws, "seo", 1)).containsExactly(roomy.id(), unknown.id());
        assertThat(store.findAll(List.of(full.id(), new MemberId(ws, "ghost"), roomy.id())))
                .containsOnlyKeys(full.id(), roomy.id());
    }

    @Test
    void findingMentorsCostsTheSameWhateverTheOrganisationsSize() {
        FindingMentors finding = new FindingMentors(store, clock);
        // one pipeline over the five seniority bands, then one script reading at most 20 candidates a band (the
        // version of each, and the whole profile of those not yet held): thousands of members teach the skill in
        // the large organisation, and still no more than 206 commands are run, 106 once the profiles are held
        long cold = 5 + 1 + 2 * 5 * 20;
        long warm = 5 + 1 + 5 * 20;
        assertThat(commandsToFind(finding, "small", 2_000, true)).isLessThanOrEqualTo(cold);
        assertThat(commandsToFind(finding, "small", 2_000, false)).isLessThanOrEqualTo(warm);
        assertThat(commandsToFind(finding, "large", 20_000, true)).isLessThanOrEqualTo(cold);
        assertThat(commandsToFind(finding, "large", 20_000, false)).isLessThanOrEqualTo(warm);
        assertThat(store.teacherCounts("large", List.of("data-analysis")).get("data-analysis"))
                .isGreaterThan(cold);
    }

    private long commandsToFind(FindingMentors finding, String ws, int size, boolean create) {
        List<Profile> org = SyntheticOrganisation.generate(size, ws, List.copyOf(catalog.all()), Instant.EPOCH);
        if (create) {
            store.saveAll(org);
        }
        Profile mentee = org.stream()
                .filter(p -> p.seniority() == Seniority.EXEC)
                .findFirst()
                .orElseThrow();
        String skill = "data-analysis";
        long before = processed();
        List<MentorMatch> matches = finding.find(mentee, skill, 5);
        // less the INFO that read "before" (one per primary on a cluster)
        long commands = processed() - before - primaries().size();
        assertThat(matches).hasSize(5);
        return commands;
    }

    /** Commands the primaries processed so far (a replica also counts what it replicates). */
    private long processed() {
        if (!ClusterMode.on()) {
            Properties stats = redis.getConnectionFactory()
                    .getConnection()
                    .serverCommands()
                    .info("stats");
            return Long.parseLong(stats.getProperty("total_commands_processed"));
        }
        RedisClusterConnection cluster = redis.getConnectionFactory().getClusterConnection();
        long total = 0;
        for (RedisClusterNode node : primaries()) {
            total += Long.parseLong(
                    cluster.serverCommands().info(node, "stats").getProperty("total_commands_processed"));
        }
        return total;
    }

    private List<RedisClusterNode> primaries() {
        if (!ClusterMode.on()) {
            return List.of(RedisClusterNode.newRedisClusterNode().build());
        }
        List<RedisClusterNode> out = new java.util.ArrayList<>();
        redis.getConnectionFactory().getClusterConnection().clusterGetNodes().forEach(n -> {
            if (n.isMaster()) {
                out.add(n);
            }
        });
        return out;
    }
}
