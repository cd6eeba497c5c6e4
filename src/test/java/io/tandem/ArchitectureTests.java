package io.tandem;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;

/**
 * The shape of the code, checked on every build without lists of features to keep up to date: no cycles between
 * packages; the engine plain Java that depends on no other package of Tandem; features (every package that is not
 * the engine, an adapter, the Redis store or the wiring) free of platforms, HTTP, Redis and adapters; adapters free
 * of each other. A new feature package is covered the day it is created.
 */
@AnalyzeClasses(packages = "io.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** What translates between Tandem and the outside: chat platforms, the browser, downloads, the dashboard. */
    private static final String[] ADAPTERS = {
        "io.tandem.slack..",
        "io.tandem.teams..",
        "io.tandem.console..",
        "io.tandem.web..",
        "io.tandem.calendar..",
        "io.tandem.downloads..",
        "io.tandem.dashboard.."
    };
    /** Everything that is not a feature: the engine, the adapters, the Redis implementations, the wiring. */
    private static final String[] NOT_FEATURES = {
        "io.tandem.engine..",
        "io.tandem.slack..",
        "io.tandem.teams..",
        "io.tandem.console..",
        "io.tandem.web..",
        "io.tandem.calendar..",
        "io.tandem.downloads..",
        "io.tandem.dashboard..",
        "io.tandem.store..",
        "io.tandem.config..",
        "io.tandem"
    };

    private static final String[] PLATFORMS_WEB_AND_STORAGE = {
        "com.slack..",
        "com.microsoft.bot..",
        "org.springframework.data.redis..",
        "io.lettuce..",
        "redis.embedded..",
        "org.springframework.web..",
        "org.springframework.http..",
        "jakarta.servlet..",
        "tools.jackson..",
        "com.fasterxml.jackson.."
    };

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("io.tandem.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each package can be understood, tested and moved on its own");

    @ArchTest
    static final ArchRule engineDependsOnNoOtherPackageOfTandem = noClasses()
            .that()
            .resideInAPackage("io.tandem.engine..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.tandem..").and(not(resideInAPackage("io.tandem.engine.."))))
            .because("features and adapters plug into the engine, never the reverse");

    @ArchTest
    static final ArchRule engineKnowsNoSpringPlatformWebOrRedis = noClasses()
            .that()
            .resideInAPackage("io.tandem.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(PLATFORMS_WEB_AND_STORAGE)
            .because("the engine is plain Java, wired by io.tandem.config");

    @ArchTest
    static final ArchRule featuresKnowNoPlatformWebOrRedis = noClasses()
            .that(not(resideInAnyPackage(NOT_FEATURES)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PLATFORMS_WEB_AND_STORAGE)
            .because("adapters and stores translate; features stay platform-neutral");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoAdaptersOrStores = noClasses()
            .that(not(resideInAnyPackage(NOT_FEATURES)))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(ADAPTERS)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("io.tandem.store..")
            .because("features talk to the outside through ports");

    @ArchTest
    static final ArchRule adaptersUsePortsNotRedis = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tandem.store..")
            .because("adapters, like features, reach storage through the engine's and features' ports");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = CompositeArchRule.of(Arrays.stream(ADAPTERS)
                    .map(adapter -> (ArchRule) noClasses()
                            .that()
                            .resideInAPackage(adapter)
                            .should()
                            .dependOnClassesThat()
                            .resideInAnyPackage(Arrays.stream(ADAPTERS)
                                    .filter(other -> !other.equals(adapter))
                                    .toArray(String[]::new)))
                    .toList())
            .because("Slack, Teams, the console and the web pages each translate on their own");
}
