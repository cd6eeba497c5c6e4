package io.tandem.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium for the browser tests (the console's and the dashboard's), as CI installs it. */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Skips the test when Chromium is not installed, except under CI, where it must be. */
    public static void require(String what) {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must install chromium and chromium-driver: " + BINARY + " or " + DRIVER + " is missing, so " + what
                    + " cannot be tested");
        }
        Assumptions.assumeTrue(
                installed,
                "Browser test of " + what + " skipped: install chromium and chromium-driver to run it (expects "
                        + BINARY + " and " + DRIVER + ")");
    }

    /** A headless Chromium with its own profile directory, its window of that size, and these preferences. */
    public static ChromeDriver start(
            Path profile, int width, int height, Map<String, Object> prefs, String... moreArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        List<String> arguments = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile));
        arguments.addAll(List.of(moreArguments));
        options.addArguments(arguments);
        if (!prefs.isEmpty()) {
            options.setExperimentalOption("prefs", prefs);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
