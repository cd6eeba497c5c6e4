package io.tandem.console;

import static io.tandem.console.ConsoleBrowser.BUTTONS;
import static io.tandem.console.ConsoleBrowser.CARDS;
import static io.tandem.console.ConsoleBrowser.HEIGHT;
import static io.tandem.console.ConsoleBrowser.SYSTEM_MESSAGES;
import static io.tandem.console.ConsoleBrowser.WIDTH;
import static io.tandem.console.ConsoleBrowser.button;
import static io.tandem.console.ConsoleBrowser.labels;
import static io.tandem.console.ConsoleBrowser.mentorHandle;
import static io.tandem.console.ConsoleBrowser.mentorName;
import static io.tandem.console.ConsoleBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    /**
     * Tests write only under target/. The README's picture is refreshed on purpose, by its own command:
     * {@code ./mvnw test -Dtest=ConsolePageBrowserTests -Dtandem.readme-picture=true} writes docs/console.png.
     */
    static final Path SCREENSHOT =
            Boolean.getBoolean("tandem.readme-picture") ? Path.of("docs/console.png") : Path.of("target/console.png");

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("tandem.data-dir", () -> dataDir.toString());
        r.add("tandem.console.time-travel", () -> "true");
    }

    @LocalServerPort
    int port;

    private ConsoleBrowser browser;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void requireChromium() {
        ConsoleBrowser.requireChromium();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        browser = new ConsoleBrowser(port);
        driver = browser.driver;
        wait = browser.wait;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void findsMentorsOpensAProfileAndRequestsOne() throws IOException {
        assertThat(driver.getTitle()).isEqualTo("Tandem — local console");
        browser.actAs("alice");

        WebElement found = browser.send("/mentor find seo");
        List<WebElement> cards = found.findElements(CARDS);
        assertThat(cards).as("mentor cards in the reply to /mentor find seo").hasSizeGreaterThanOrEqualTo(3);
        for (WebElement card : cards) {
            assertThat(labels(card.findElements(BUTTONS)))
                    .as("buttons of card %s", text(card))
                    .contains("Request", "Profile");
        }
        saveScreenshot();

        WebElement firstCard = cards.get(0);
        String mentorHeading = text(firstCard.findElement(By.cssSelector("[data-testid=card-heading]")));
        WebElement profile = browser.click(button(firstCard, "Profile"));
        assertThat(profile.findElements(By.cssSelector("[data-testid=field-label]")))
                .as("field labels of the profile")
                .extracting(ConsoleBrowser::text)
                .contains("Teaches");
        assertThat(text(profile)).as("the profile shown").contains(mentorName(mentorHeading));

        WebElement confirmation = browser.click(button(firstCard, "Request"));
        assertThat(text(confirmation)).as("the reply to Request").contains(mentorName(mentorHeading));
        assertThat(driver.findElements(By.cssSelector("#conversation [data-testid=echo]")))
                .extracting(ConsoleBrowser::text)
                .contains("→ Profile", "→ Request");
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();

        // The mentor finds the request in their notifications panel.
        String mentorHandle = mentorHandle(mentorHeading);
        browser.actAs(mentorHandle);
        WebElement request = browser.notification("mentoring.request");
        assertThat(text(request)).as("the notification").contains("Alice");
    }

    @Test
    void answersInFrenchAfterSwitchingTheLanguage() {
        browser.actAs("alice");
        assertThat(chips())
                .as("the English suggestions")
                .contains("/mentor find seo", "/mentor help")
                .noneMatch(c -> c.contains("référencement"));
        driver.findElement(By.cssSelector("label[for=lang-fr]")).click();
        assertThat(driver.findElement(By.id("lang-fr")).isSelected())
                .as("FR selected")
                .isTrue();
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("fr");
        assertThat(chips())
                .as("the French suggestions, in French command words")
                .containsExactly(
                        "/mentor cherche référencement",
                        "/mentor aide",
                        "/mentor profil",
                        "/mentor apprendre réseaux sociaux");

        WebElement found = browser.send("/mentor cherche référencement");

        List<WebElement> cards = found.findElements(CARDS);
        assertThat(cards)
                .as("mentor cards in the reply to /mentor cherche référencement")
                .isNotEmpty();
        assertThat(labels(cards.get(0).findElements(BUTTONS)))
                .contains("Demander")
                .doesNotContain("Request");
        for (String chip : chips()) {
            WebElement reply = browser.click(driver.findElements(By.cssSelector("[data-testid=chip]")).stream()
                    .filter(c -> chip.equals(text(c)))
                    .findFirst()
                    .orElseThrow());
            assertThat(text(reply)).as("the reply to the chip %s", chip).doesNotContain("Je ne connais pas");
        }
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();
    }

    @Test
    void saysWhatToDoWhenNobodyIsChosen() {
        browser.actAs("alice");
        WebElement input = driver.findElement(By.id("handle"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
        WebElement hint = wait.withMessage("a hint in the empty notifications panel")
                .until(d -> d.findElements(By.cssSelector("#inbox [data-testid=inbox-empty]")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(text(hint)).contains("Type who you are");
        driver.findElement(By.cssSelector("label[for=lang-fr]")).click();
        assertThat(text(driver.findElement(By.cssSelector("#inbox [data-testid=inbox-empty]"))))
                .contains("Indiquez qui vous êtes");
    }

    @Test
    void showsAddressesAsLinksAndMarkupAsText() {
        browser.actAs("ines");
        String bio =
                "<img src=x onerror=\"window.hacked=1\"> javascript:alert(1) voir https://example.com/seo?a=1&b=2.";
        WebElement saved = browser.send("/mentor bio " + bio);

        List<WebElement> links = saved.findElements(By.cssSelector("a[data-testid=link]"));
        assertThat(links).as("links in: %s", text(saved)).hasSize(1);
        WebElement link = links.get(0);
        assertThat(link.getDomAttribute("href")).isEqualTo("https://example.com/seo?a=1&b=2");
        assertThat(text(link))
                .as("the sentence's full stop stays outside the link")
                .isEqualTo("https://example.com/seo?a=1&b=2");
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(link.getDomAttribute("rel")).contains("noopener");
        assertThat(saved.findElements(By.tagName("img")))
                .as("markup shown as text, never as HTML")
                .isEmpty();
        assertThat(text(saved)).contains("<img src=x", "javascript:alert(1)");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.hacked === undefined"))
                .isEqualTo(true);
    }

    @Test
    void answersAnUnknownCommandWithHelpRatherThanAnError() {
        browser.actAs("alice");

        WebElement reply = browser.send("/mentor nonsense");

        assertThat(text(reply)).contains("/mentor help");
        assertThat(driver.findElements(SYSTEM_MESSAGES)).as("error messages").isEmpty();
    }

    @Test
    void travelsInTimeFromThePageAndShowsWhatFellDueAndWhatWaits() {
        browser.actAs("lena");
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
        WebElement report = lines.get(lines.size() - 1);
        assertThat(text(report)).contains("Moved to", "nudges sent");
        assertThat(report.findElements(By.cssSelector("[data-testid=system-detail]")))
                .as("what is still waiting, as the clock's answer says it")
                .extracting(ConsoleBrowser::text)
                .anyMatch(l -> l.startsWith("Nothing is waiting") || l.matches(".* waiting: .* goes out on .*"));
        assertThat(text(bar.findElement(By.cssSelector("[data-testid=time-now]"))))
                .isNotEqualTo(before);
    }

    private List<String> chips() {
        return driver.findElements(By.cssSelector("[data-testid=chip]")).stream()
                .map(ConsoleBrowser::text)
                .toList();
    }

    /**
     * The README's picture (see {@link #SCREENSHOT}): the viewport at exactly 1280×900, as a default start shows the
     * page (time travel is off unless asked for, so its controls are left out of the picture).
     */
    private void saveScreenshot() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.getElementById('time-travel').hidden = true");
        long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
        if (innerWidth != WIDTH || innerHeight != HEIGHT) {
            Dimension outer = driver.manage().window().getSize();
            driver.manage()
                    .window()
                    .setSize(new Dimension(
                            outer.getWidth() + (int) (WIDTH - innerWidth),
                            outer.getHeight() + (int) (HEIGHT - innerHeight)));
            wait.until(d -> ((Number) js.executeScript("return window.innerHeight")).longValue() == HEIGHT);
        }
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
        Files.write(SCREENSHOT, png);
        assertThat(SCREENSHOT).isNotEmptyFile();
    }
}
