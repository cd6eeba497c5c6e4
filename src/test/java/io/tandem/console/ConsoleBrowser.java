package io.tandem.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.support.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in headless Chromium, driven as a person would: type who you are, send a line, click a button,
 * wait for Tandem's answer. Downloads land in {@link #downloads()}. Close it after each test.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    static final By CONVERSATION_ITEMS =
            By.cssSelector("#conversation [data-testid=reply], #conversation [data-testid=system-message]");
    static final By SYSTEM_MESSAGES = By.cssSelector("#conversation [data-testid=system-message]");
    static final By CARDS = By.cssSelector("[data-testid=card]");
    static final By BUTTONS = By.cssSelector("[data-testid=button]");

    final WebDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final Path downloads;

    /** Skips the test when Chromium is not installed, except under CI, where it must be. */
    static void requireChromium() {
        Chromium.require("the console page");
    }

    /** Opens the console at http://localhost:{port}/. */
    ConsoleBrowser(int port) throws IOException {
        profile = Files.createTempDirectory("tandem-chromium-");
        downloads = Files.createDirectories(profile.resolve("downloads"));
        driver = Chromium.start(
                profile,
                WIDTH,
                HEIGHT,
                Map.of(
                        "download.default_directory",
                        downloads.toString(),
                        "download.prompt_for_download",
                        false,
                        "safebrowsing.enabled",
                        false),
                "--disable-quic");
        wait = new WebDriverWait(driver, TIMEOUT);
        driver.get("http://localhost:" + port + "/");
        wait.until(d -> d.findElement(By.id("message")).isDisplayed());
    }

    Path downloads() {
        return downloads;
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Types a handle into "You are" and moves on, as a person would. */
    void actAs(String handle) {
        WebElement input = driver.findElement(By.id("handle"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, handle, Keys.ENTER);
        assertThat(input.getDomProperty("value")).isEqualTo(handle);
        wait.withMessage("the notifications panel to show @" + handle)
                .until(d -> d.findElement(By.id("inbox-owner")).getText().contains("@" + handle));
    }

    /** Sends a line with Enter and returns Tandem's reply to it (failing if the console shows an error instead). */
    WebElement send(String line) {
        int before = driver.findElements(CONVERSATION_ITEMS).size();
        WebElement message = driver.findElement(By.id("message"));
        message.sendKeys(line, Keys.ENTER);
        return awaitReply(before, "a reply to " + line);
    }

    /** Clicks a button in the conversation and returns Tandem's reply to the click. */
    WebElement click(WebElement button) {
        int before = driver.findElements(CONVERSATION_ITEMS).size();
        String label = text(button);
        button.click();
        return awaitReply(before, "a reply to the " + label + " button");
    }

    private WebElement awaitReply(int before, String what) {
        List<WebElement> items = wait.withMessage(what).until(d -> {
            List<WebElement> now = d.findElements(CONVERSATION_ITEMS);
            return now.size() > before ? now : null;
        });
        WebElement last = items.get(items.size() - 1);
        assertThat(last.getDomAttribute("data-testid"))
                .as("%s, but the console showed: %s", what, text(last))
                .isEqualTo("reply");
        return last;
    }

    /** The text of the conversation on screen. */
    String conversation() {
        return text(driver.findElement(By.id("conversation")));
    }

    /** The first notification of a kind in the notifications panel, once it arrives. */
    WebElement notification(String kind) {
        return wait.withMessage("a " + kind + " notification in the panel")
                .until(d -> d.findElements(By.cssSelector("#inbox [data-testid=notification]")).stream()
                        .filter(n -> kind.equals(n.getDomAttribute("data-kind")))
                        .findFirst()
                        .orElse(null));
    }

    static WebElement button(WebElement container, String label) {
        return container.findElements(BUTTONS).stream()
                .filter(b -> label.equals(text(b)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + label + " button in: " + text(container)));
    }

    static List<String> labels(List<WebElement> buttons) {
        return buttons.stream().map(ConsoleBrowser::text).toList();
    }

    /** The DOM text: unlike getText() it ignores CSS text-transform (field labels are shown in capitals). */
    static String text(WebElement element) {
        String text = element.getDomProperty("textContent");
        return text == null ? "" : text.strip();
    }

    /** "Lena Dubois (@lena)" → "Lena Dubois". */
    static String mentorName(String heading) {
        int at = heading.indexOf(" (@");
        return at > 0 ? heading.substring(0, at) : heading;
    }

    /** "Lena Dubois (@lena)" → "lena". */
    static String mentorHandle(String heading) {
        int at = heading.indexOf("(@");
        int end = heading.indexOf(')', at);
        assertThat(at).as("a handle in the card heading %s", heading).isGreaterThanOrEqualTo(0);
        return heading.substring(at + 2, end);
    }
}
