package io.tandem.demo;

import io.tandem.config.TandemProperties;
import io.tandem.engine.MemberId;
import io.tandem.engine.Platform;
import io.tandem.profiles.Profile;
import io.tandem.profiles.ProfileStore;
import io.tandem.programme.LeadStore;
import io.tandem.skills.SkillCatalog;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** At start-up, fills an empty console workspace with the demo organisation when {@code tandem.demo.enabled}. */
@Component
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final String WORKSPACE = Platform.CONSOLE.id();

    private final TandemProperties properties;
    private final ProfileStore store;
    private final SkillCatalog catalog;
    private final Clock clock;
    private final LeadStore leads;

    DemoLoader(TandemProperties properties, ProfileStore store, SkillCatalog catalog, Clock clock, LeadStore leads) {
        this.leads = leads;
        this.properties = properties;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabled()) {
            return;
        }
        long existing = store.count(WORKSPACE);
        if (existing > 0) {
            log.info("Demo data not loaded: the store already has {} console members", existing);
            return;
        }
        int size = properties.demo().members();
        List<Profile> profiles = size > 0
                ? SyntheticOrganisation.generate(size, WORKSPACE, List.copyOf(catalog.all()), clock.instant())
                : realistic();
        long started = System.nanoTime();
        store.saveAll(profiles);
        if (size == 0) {
            // the demo's HR lead runs the programme: "/stats" works as lena out of the box
            leads.add(new MemberId(WORKSPACE, "lena"));
        }
        log.info(
                "Loaded a demo organisation of {} members in {} ms. Open the console and try \"/mentor find seo\""
                        + " as {}.",
                profiles.size(),
                (System.nanoTime() - started) / 1_000_000,
                size > 0 ? profiles.get(0).handle() : "alice");
    }

    private List<Profile> realistic() {
        try (Reader reader = new InputStreamReader(
                new ClassPathResource("demo/organisation.txt").getInputStream(), StandardCharsets.UTF_8)) {
            return DemoOrganisation.read(reader, WORKSPACE, clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
