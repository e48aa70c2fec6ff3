package com.nightbff.nightwatch.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and its chromedriver (packages {@code chromium}, {@code chromium-driver},
 * which {@code .ci/run} installs), driven by Selenium without its network-fetching driver manager.
 * Paths can be moved with NIGHTWATCH_CHROMIUM and NIGHTWATCH_CHROMEDRIVER.
 */
public final class Chromium {

    private static final String BINARY = env("NIGHTWATCH_CHROMIUM", "/usr/bin/chromium");
    private static final String DRIVER = env("NIGHTWATCH_CHROMEDRIVER", "/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start() {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("the console tests need Chromium and chromedriver at " + BINARY + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (.ci/run does), or set NIGHTWATCH_CHROMIUM / NIGHTWATCH_CHROMEDRIVER");
        }
        ChromeOptions options = new ChromeOptions().setBinary(BINARY);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("nw-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)).pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Warnings and errors the browser logged since the last call: CSP violations, failed loads, script errors. */
    public static List<String> consoleProblems(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
