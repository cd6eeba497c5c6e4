package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import io.tandem.TandemApplication;

/**
 * Drives the local web console (static/index.html) in headless Chromium against the real application, with the
 * demo organisation loaded: what a developer sees when they run Tandem locally and open http://localhost:8080/.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Close the application (and its embedded redis-server) when the class ends, while dataDir still exists: JUnit
// deletes a static @TempDir after the class, and a cached context closed later, at JVM exit, would find its redis
// unable to flush into a deleted directory and refusing to stop.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsolePageBrowserTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("docs/console.png");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;

    private static final By CONVERSATION_ITEMS =
            By.cssSelector("#conversation [data-testid=reply], #conversation [data-testid=system-message]");
    private static final By SYSTEM_MESSAGES = By.cssSelector("#conversation [data-testid=system-message]");
    private static final By CARDS = By.cssSelector("[data-testid=card]");
    private static final By BUTTONS = By.cssSelector("[data-testid=button]");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("tandem.data-dir", () -> dataDir.toString());
        r.add("tandem.console.time-travel", () -> "true");
    }

    @LocalServerPort
    int port;

    private Path browserProfile;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void requireChromium() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must install chromium and chromium-driver: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing, so the console page cannot be tested");
        }
        Assumptions.assumeTrue(installed, "Console browser test skipped: install chromium and chromium-driver to run it"
                + " (expects " + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browserProfile = Files.createTempDirectory("tandem-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + browserProfile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> d.findElement(By.id("message")).isDisplayed());
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (browserProfile != null) {
            try (Stream<Path> files = Files.walk(browserProfile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void findsMentorsOpensAProfileAndRequestsOne() throws IOException {
        assertThat(driver.getTitle()).isEqualTo("Tandem — local console");
        actAs("alice");

        WebElement found = send("/mentor find seo");
        List<WebElement> cards = found.findElements(CARDS);
        assertThat(cards).as("mentor cards in the reply to /mentor find seo").hasSizeGreaterThanOrEqualTo(3);
        for (WebElement card : cards) {
            assertThat(labels(card.findElements(BUTTONS))).as("buttons of card %s", text(card))
                    .contains("Request", "Profile");
        }
        saveScreenshot();

        WebElement firstCard = cards.get(0);
        String mentorHeading = text(firstCard.findElement(By.cssSelector("[data-testid=card-heading]")));
        WebElement profile = click(button(firstCard, "Profile"));
        assertThat(profile.findElements(By.cssSelector("[data-testid=field-label]")))
                .as("field labels of the profile")
                .extracting(ConsolePageBrowserTests::text)
                .contains("Teaches");
        assertThat(text(profile)).as("the profile shown").contains(mentorName(mentorHeading));

        WebElement confirmation = click(button(firstCard, "Request"));
        assertThat(text(confirmation)).as("the reply to Request").contains(mentorName(mentorHeading));
        assertThat(driver.findElements(By.cssSelector("#conversation [data-testid=echo]")))
                .extracting(ConsolePageBrowserTests::text)
                .contains("→ Profile", "→ Request");
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();

        // The mentor finds the request in their notifications panel.
        String mentorHandle = mentorHandle(mentorHeading);
        actAs(mentorHandle);
        WebElement request = wait.withMessage("a mentoring request in @" + mentorHandle + "'s notifications")
                .until(d -> d.findElements(By.cssSelector("#inbox [data-testid=notification]")).stream()
                        .filter(n -> "mentoring.request".equals(n.getDomAttribute("data-kind")))
                        .findFirst().orElse(null));
        assertThat(text(request)).as("the notification").contains("Alice");
    }

    @Test
    void answersInFrenchAfterSwitchingTheLanguage() {
        actAs("alice");
        driver.findElement(By.cssSelector("label[for=lang-fr]")).click();
        assertThat(driver.findElement(By.id("lang-fr")).isSelected()).as("FR selected").isTrue();
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");

        WebElement found = send("/mentor find référencement");

        List<WebElement> cards = found.findElements(CARDS);
        assertThat(cards).as("mentor cards in the reply to /mentor find référencement").isNotEmpty();
        assertThat(labels(cards.get(0).findElements(BUTTONS))).contains("Demander").doesNotContain("Request");
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();
    }

    @Test
    void answersAnUnknownCommandWithHelpRatherThanAnError() {
        actAs("alice");

        WebElement reply = send("/mentor nonsense");

        assertThat(text(reply)).contains("/mentor help");
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();
    }

    @Test
    void travelsInTimeFromThePageAndShowsWhatFellDue() {
        actAs("lena");
        WebElement bar = wait.withMessage("the time-travel controls").until(d -> {
            WebElement e = d.findElement(By.cssSelector("[data-testid=time-travel]"));
            return e.isDisplayed() ? e : null;
        });
        String before = text(bar.findElement(By.cssSelector("[data-testid=time-now]")));
        assertThat(before).startsWith("Tandem’s time:");
        int items = driver.findElements(SYSTEM_MESSAGES).size();
        bar.findElement(By.cssSelector("[data-testid=advance-day]")).click();
        List<WebElement> lines = wait.withMessage("the travel report").until(d -> {
            List<WebElement> now = d.findElements(SYSTEM_MESSAGES);
            return now.size() > items ? now : null;
        });
        assertThat(text(lines.get(lines.size() - 1))).contains("Moved to", "nudges sent");
        assertThat(text(bar.findElement(By.cssSelector("[data-testid=time-now]")))).isNotEqualTo(before);
    }

    /** Types a handle into "who are you" and moves on, as a person would. */
    private void actAs(String handle) {
        WebElement input = driver.findElement(By.id("handle"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, handle, Keys.ENTER);
        assertThat(input.getDomProperty("value")).isEqualTo(handle);
        wait.withMessage("the notifications panel to show @" + handle)
                .until(d -> d.findElement(By.id("inbox-owner")).getText().contains("@" + handle));
    }

    /** Sends a line with Enter and returns Tandem's reply to it (failing if the console shows an error instead). */
    private WebElement send(String line) {
        int before = driver.findElements(CONVERSATION_ITEMS).size();
        WebElement message = driver.findElement(By.id("message"));
        message.sendKeys(line, Keys.ENTER);
        return awaitReply(before, "a reply to " + line);
    }

    /** Clicks a button in the conversation and returns Tandem's reply to the click. */
    private WebElement click(WebElement button) {
        int before = driver.findElements(CONVERSATION_ITEMS).size();
        String label = text(button);
        button.click();
        return awaitReply(before, "a reply to the " + label + " button");
    }

    private WebElement awaitReply(int before, String what) {
        List<WebElement> items = wait.withMessage(what)
                .until(d -> {
                    List<WebElement> now = d.findElements(CONVERSATION_ITEMS);
                    return now.size() > before ? now : null;
                });
        WebElement last = items.get(items.size() - 1);
        assertThat(last.getDomAttribute("data-testid")).as("%s, but the console showed: %s", what, text(last))
                .isEqualTo("reply");
        return last;
    }

    private static WebElement button(WebElement card, String label) {
        return card.findElements(BUTTONS).stream().filter(b -> label.equals(text(b))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " button on card: " + text(card)));
    }

    private static List<String> labels(List<WebElement> buttons) {
        return buttons.stream().map(ConsolePageBrowserTests::text).toList();
    }

    /** The DOM text: unlike getText() it ignores CSS text-transform (field labels are shown in capitals). */
    private static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip();
    }

    /** "Lena Dubois (@lena)" → "Lena Dubois". */
    private static String mentorName(String heading) {
        int at = heading.indexOf(" (@");
        return at > 0 ? heading.substring(0, at) : heading;
    }

    /** "Lena Dubois (@lena)" → "lena". */
    private static String mentorHandle(String heading) {
        int at = heading.indexOf("(@");
        int end = heading.indexOf(')', at);
        assertThat(at).as("a handle in the card heading %s", heading).isGreaterThanOrEqualTo(0);
        return heading.substring(at + 2, end);
    }

    /** docs/console.png for the README: the viewport at exactly 1280×900. */
    private void saveScreenshot() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
        if (innerWidth != WIDTH || innerHeight != HEIGHT) {
            Dimension outer = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(outer.getWidth() + (int) (WIDTH - innerWidth),
                    outer.getHeight() + (int) (HEIGHT - innerHeight)));
            wait.until(d -> ((Number) js.executeScript("return window.innerHeight")).longValue() == HEIGHT);
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.write(SCREENSHOT, png);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }
}
