package io.tandem.console;

import static io.tandem.console.ConsoleBrowser.CARDS;
import static io.tandem.console.ConsoleBrowser.SYSTEM_MESSAGES;
import static io.tandem.console.ConsoleBrowser.button;
import static io.tandem.console.ConsoleBrowser.mentorHandle;
import static io.tandem.console.ConsoleBrowser.mentorName;
import static io.tandem.console.ConsoleBrowser.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.TandemApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's Quick start walkthrough, played in headless Chromium on a port other than 8080 (a random free one):
 * find a mentor as alice, become the mentor and accept, come back as alice and plan a session, download its
 * calendar invite from the link, see each member's own conversation, and become the demo lead for /stats.
 */
@SpringBootTest(classes = TandemApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsoleWalkthroughBrowserTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        r.add("tandem.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    private ConsoleBrowser browser;

    @BeforeAll
    static void requireChromium() {
        ConsoleBrowser.requireChromium();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        assertThat(port)
                .as("the walkthrough runs on a port other than the default")
                .isNotEqualTo(8080);
        browser = new ConsoleBrowser(port);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void playsTheQuickStartWalkthrough() throws IOException {
        // alice finds an SEO mentor and asks them
        browser.actAs("alice");
        WebElement found = browser.send("/mentor find seo");
        WebElement card = found.findElements(CARDS).get(0);
        String heading = text(card.findElement(By.cssSelector("[data-testid=card-heading]")));
        String mentor = mentorHandle(heading);
        browser.click(button(card, "Request"));
        assertThat(browser.conversation()).contains("/mentor find seo", "→ Request");

        // the mentor has their own conversation, and the request with Accept in their notifications
        browser.actAs(mentor);
        assertThat(browser.conversation()).as("@%s's conversation", mentor).doesNotContain("/mentor find seo");
        WebElement request = browser.notification("mentoring.request");
        WebElement accepted = browser.click(button(request, "Accept"));
        assertThat(text(accepted)).contains("You and Alice Morgan are now a pair");

        // alice again: her own conversation is back, without the mentor's
        browser.actAs("alice");
        assertThat(browser.conversation())
                .as("alice's conversation, restored")
                .contains("/mentor find seo", "→ Request")
                .doesNotContain("are now a pair");

        // she plans a session: its calendar invite is a link, on the port Tandem listens on
        WebElement planned = browser.send("/mentor schedule @" + mentor + " tomorrow 15:00 1h");
        WebElement invite = planned.findElements(By.cssSelector("[data-testid=calendar-link]")).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no calendar link in: " + text(planned)));
        assertThat(text(invite)).isEqualTo("Add to calendar");
        assertThat(invite.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(invite.getDomAttribute("rel")).contains("noopener");
        // (the link's port comes from the config layer's public URL, which follows the port Tandem listens on)
        assertThat(invite.getDomAttribute("href"))
                .startsWith("http://localhost:" + port + "/calendar/")
                .endsWith(".ics");
        invite.click();
        String ics = unfolded(download(".ics"));
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR")
                .contains("BEGIN:VEVENT", "DTSTART:", "END:VEVENT")
                .contains("Alice Morgan", mentorName(heading))
                .endsWith("END:VCALENDAR\r\n");

        // the mentor's conversation does not show alice's planning, and hers does
        browser.actAs(mentor);
        assertThat(browser.conversation()).contains("are now a pair").doesNotContain("/mentor schedule");
        browser.actAs("alice");
        assertThat(browser.conversation()).contains("/mentor schedule @" + mentor);

        // the demo lead is named on the page, and one click makes you her: /stats answers
        WebElement leads = browser.driver.findElement(By.cssSelector("[data-testid=leads]"));
        assertThat(leads.isDisplayed()).isTrue();
        assertThat(text(leads)).contains("Programme lead: Lena Fischer (@lena)");
        assertThat(text(browser.send("/stats"))).as("/stats as alice").contains("programme leads");
        WebElement become = leads.findElement(By.cssSelector("[data-testid=become-lead]"));
        assertThat(text(become)).isEqualTo("Become lena (programme lead)");
        become.click();
        browser.wait
                .withMessage("the notifications panel to show @lena")
                .until(d -> d.findElement(By.id("inbox-owner")).getText().contains("@lena"));
        assertThat(browser.driver.findElement(By.id("handle")).getDomProperty("value"))
                .isEqualTo("lena");
        assertThat(text(browser.send("/stats"))).as("/stats as lena").contains("Programme statistics");
        assertThat(browser.driver.findElements(SYSTEM_MESSAGES))
                .as("error messages")
                .isEmpty();
    }

    /** The downloaded file ending in {@code suffix}, once Chromium has finished writing it. */
    private String download(String suffix) {
        Path file = browser.wait
                .withMessage("a downloaded " + suffix + " file in " + browser.downloads())
                .until(d -> {
                    try (Stream<Path> files = Files.list(browser.downloads())) {
                        List<Path> done = files.filter(
                                        f -> f.getFileName().toString().endsWith(suffix))
                                .toList();
                        return done.isEmpty() ? null : done.get(0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An iCalendar text with its folded lines joined back (RFC 5545 §3.1). */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }
}
