package io.tandem.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.tandem.TandemApplication;
import io.tandem.support.Chromium;
import io.tandem.support.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium, in local mode with the demo loaded: the demo lead signs in, opens every
 * page (each scanned by axe-core: no serious or critical violation), imports a roster with one bad row, changes a
 * setting, creates a programme, runs a matching round and publishes it; the pair is then there in the console.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DashboardBrowserTests {

    /** Tests write under target/; {@code -Dtandem.readme-picture=true} refreshes the README's pictures in docs/. */
    static final Path PICTURES = Boolean.getBoolean("tandem.readme-picture") ? Path.of("docs") : Path.of("target");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("tandem.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeAll
    static void requireChromium() {
        Chromium.require("the dashboard");
    }

    @BeforeEach
    void open() throws IOException {
        profile = Files.createTempDirectory("tandem-dashboard-");
        driver = Chromium.start(profile, 1280, 1000, Map.of(), "--lang=en-GB");
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement byTestId(String id) {
        return wait.until(d -> d.findElement(By.cssSelector("[data-testid='" + id + "']")));
    }

    private String answer() {
        return byTestId("answer").getText();
    }

    /** axe-core on the page as it is now: nothing serious or critical. */
    private void accessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<String> bad = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                bad.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList());
            }
        }
        assertThat(bad).as("axe-core violations on " + page).isEmpty();
    }

    private void picture(String name) throws IOException {
        Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(PICTURES);
        Files.copy(png, PICTURES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private void signInAsTheDemoLead() {
        driver.get(url("/dashboard"));
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/sign-in"));
        accessible("sign-in");
        byTestId("demo-console:lena").click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        assertThat(byTestId("lead").getText()).contains("lena");
    }

    @Test
    void theDemoLeadRunsTheProgrammeFromTheDashboard() throws IOException {
        signInAsTheDemoLead();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("The programme at a glance");
        assertThat(byTestId("people").getText()).contains("Active members");
        assertThat(driver.findElement(By.cssSelector("[data-testid=trend-chart] svg[role=img]"))
                        .isDisplayed())
                .isTrue();
        accessible("overview");
        picture("dashboard-overview.png");
        for (String page : List.of("programmes", "members", "settings", "delivery", "exports")) {
            byTestId("nav-" + page).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/" + page));
            accessible(page);
        }

        // a roster with one bad row: the bad row is reported with its line, the others are kept
        Path roster = Files.createTempFile(dataDir, "roster", ".csv");
        Files.writeString(
                roster,
                "handle,name,seniority,team,teaches,learns\n"
                        + "sam,Sam Senior,senior,finance,negotiation,seo\n"
                        + "juno,Juno Junior,junior,marketing,seo,negotiation\n"
                        + "bad,Bad Row,galactic-emperor,finance,seo,\n");
        byTestId("nav-members").click();
        driver.findElement(By.id("file")).sendKeys(roster.toAbsolutePath().toString());
        byTestId("import").click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/members"));
        String report = answer();
        assertThat(report).contains("4").containsIgnoringCase("galactic-emperor");
        driver.findElement(By.id("q")).sendKeys("juno");
        driver.findElement(By.id("q")).submit();
        wait.until(d -> d.getCurrentUrl().contains("q=juno"));
        assertThat(byTestId("members").getText()).contains("Juno Junior").doesNotContain("Sam Senior");
        accessible("members with an answer");

        // settings: one good value, one refused with its message under the field
        byTestId("nav-settings").click();
        byTestId("setting-tip-day").sendKeys("thursday");
        byTestId("save-settings").click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/settings"));
        assertThat(answer()).contains("tip-day");
        assertThat(byTestId("setting-tip-day").getAttribute("value")).isEqualToIgnoringCase("thursday");
        byTestId("setting-tip-time").sendKeys("25:99");
        byTestId("save-settings").click();
        assertThat(byTestId("error-tip-time").getText()).contains("25:99");
        assertThat(byTestId("setting-tip-time").getAttribute("aria-invalid")).isEqualTo("true");
        accessible("settings with an error");

        // a programme; two members join it in the console; a round is matched, reviewed and published
        byTestId("nav-programmes").click();
        driver.findElement(By.id("name")).sendKeys("seo-pilot");
        driver.findElement(By.id("skills")).sendKeys("seo");
        driver.findElement(By.id("name")).submit();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/programmes"));
        assertThat(answer()).contains("seo-pilot");
        Http console = new Http(port);
        assertThat(console.postJson(
                                "/api/console/messages",
                                "{\"user\":\"sam\",\"text\":\"/mentor join seo-pilot as learner\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(console.postJson(
                                "/api/console/messages",
                                "{\"user\":\"juno\",\"text\":\"/mentor join seo-pilot as mentor\"}")
                        .statusCode())
                .isEqualTo(200);
        driver.get(url("/dashboard/programmes/seo-pilot"));
        accessible("programme");
        byTestId("match").click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/programmes/seo-pilot"));
        String review = answer();
        assertThat(review).contains("Sam Senior").contains("Juno Junior");
        accessible("matching review");
        picture("dashboard-review.png");
        byTestId("publish").click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard/programmes/seo-pilot"));
        assertThat(answer()).doesNotContain("went wrong");

        String pairs = console.postJson("/api/console/messages", "{\"user\":\"sam\",\"text\":\"/mentor pairs\"}")
                .body();
        assertThat(pairs).contains("Juno Junior");

        // and in French, from the switch
        byTestId("language").click();
        wait.until(d -> d.getCurrentUrl().contains("lang=fr"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(byTestId("nav-overview").getText()).isEqualTo("Vue d'ensemble");
        accessible("programme in French");
    }
}
