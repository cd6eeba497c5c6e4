package io.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine and the features know no platform, no HTTP and no Redis; the engine knows no Spring either. */
@AnalyzeClasses(packages = "io.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] PLATFORMS_WEB_AND_STORAGE = {"com.slack..", "com.microsoft.bot..",
        "org.springframework.data.redis..", "io.lettuce..", "redis.embedded..", "org.springframework.web..",
        "org.springframework.http..", "jakarta.servlet..", "tools.jackson..", "com.fasterxml.jackson.."};

    @ArchTest
    static final ArchRule engineAndFeaturesKnowNoPlatformWebOrRedis = noClasses()
            .that().resideInAnyPackage("io.tandem.engine..", "io.tandem.mentoring..", "io.tandem.qa..",
                    "io.tandem.tips..", "io.tandem.nudges..", "io.tandem.stats..", "io.tandem.privacy..")
            .should().dependOnClassesThat().resideInAnyPackage(PLATFORMS_WEB_AND_STORAGE)
            .because("adapters and stores translate; the engine and features stay platform-neutral");

    @ArchTest
    static final ArchRule engineKnowsNoSpring = noClasses()
            .that().resideInAPackage("io.tandem.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("the engine is plain Java, wired by io.tandem.config");

    @ArchTest
    static final ArchRule engineDependsOnNoFeatureOrAdapter = noClasses()
            .that().resideInAPackage("io.tandem.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tandem.mentoring..", "io.tandem.qa..",
                    "io.tandem.tips..", "io.tandem.nudges..", "io.tandem.stats..", "io.tandem.privacy..",
                    "io.tandem.console..",
                    "io.tandem.store..", "io.tandem.delivery..", "io.tandem.demo..", "io.tandem.config..")
            .because("features plug into the engine, never the reverse");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoAdaptersOrStores = noClasses()
            .that().resideInAnyPackage("io.tandem.mentoring..", "io.tandem.qa..", "io.tandem.tips..",
                    "io.tandem.nudges..", "io.tandem.stats..", "io.tandem.privacy..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tandem.console..", "io.tandem.store..",
                    "io.tandem.delivery..", "io.tandem.demo..")
            .because("features talk to the outside through ports");
}
