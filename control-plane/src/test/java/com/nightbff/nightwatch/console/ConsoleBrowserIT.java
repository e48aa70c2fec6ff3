package com.nightbff.nightwatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.nightbff.nightwatch.probes.ProbeFixtures;
import com.nightbff.nightwatch.testsupport.Chromium;
import com.nightbff.nightwatch.testsupport.LocalPostgres;
import com.nightbff.nightwatch.testsupport.TestUsers;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium: sign-in through the form (CSRF token and all), what a
 * viewer and an operator may do, "run now" as a real form post, and every page working under the
 * strict Content-Security-Policy without the browser reporting a single violation or error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConsoleBrowserIT {

    private static final String DB = LocalPostgres.createDatabase("nw_it_browser");
    private static final String OPERATOR_PASSWORD = TestUsers.PASSWORDS.get("oscar");
    private static final String VIEWER_PASSWORD = TestUsers.PASSWORDS.get("vera");
    private static HttpServer target;

    @LocalServerPort
    int port;
    private ChromeDriver browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/health", ex -> ProbeFixtures.reply(ex, 200, "{\"status\":\"ok\"}"));
        target.start();
        Path seed = ProbeFixtures.seedFolder("http://127.0.0.1:" + target.getAddress().getPort(), ProbeFixtures.healthProbe("1h", "2s"));
        registry.add("spring.datasource.url", () -> DB);
        registry.add("spring.datasource.username", () -> LocalPostgres.USER);
        registry.add("nightwatch.data-dir", Files.createTempDirectory("nw-browser")::toString);
        registry.add("nightwatch.content.seed-dir", seed::toString);
        registry.add("nightwatch.content.poll-interval", () -> "1h");
        TestUsers.register(registry);
    }

    @AfterAll
    static void cleanUp() {
        target.stop(0);
        LocalPostgres.dropDatabase(DB);
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(String user, String password) {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).as("the console sends strangers to the login form").endsWith("/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        // The form posts and redirects; navigating before that lands would abort the sign-in.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    /** A click that navigates returns before the new page is there; going on at once would race it. */
    private void clickThenAwait(By target, String urlSuffix) {
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(urlSuffix));
    }

    @Test
    void aWrongPasswordStaysOnTheLoginFormWithAnError() {
        signIn("oscar", "not-the-password");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong username or password");
    }

    @Test
    void anOperatorRunsAProbeFromItsPageAndNoPageBreaksTheContentSecurityPolicy() {
        signIn("oscar", OPERATOR_PASSWORD);
        assertThat(browser.findElement(By.cssSelector(".user")).getText()).isEqualTo("oscar");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("web");
        // The stylesheet is served from 'self', so the policy lets it apply: the top bar is not unstyled.
        assertThat(browser.findElement(By.cssSelector(".topbar")).getCssValue("display")).isEqualTo("flex");

        browser.get(url("/probes"));
        assertThat(browser.findElement(By.id("probe-web-health")).getText()).contains("web-health", "web");
        clickThenAwait(By.cssSelector("#probe-web-health a"), "/probes/web-health");

        browser.findElement(By.id("run-now")).click();
        assertThat(browser.findElement(By.id("ran")).getText()).contains("Run succeeded");
        assertThat(browser.findElement(By.id("last-run")).getText()).contains("health", "OK", "200");
        assertThat(browser.findElements(By.cssSelector("#chart svg polyline"))).as("the latency chart draws the run").hasSize(1);

        List<String> problems = Chromium.consoleProblems(browser);
        assertThat(problems).as("browser console errors and CSP violations").isEmpty();

        clickThenAwait(By.cssSelector("form.signout button"), "/login?logout");
        browser.get(url("/probes"));
        assertThat(browser.getCurrentUrl()).as("signed out").endsWith("/login");
    }

    @Test
    void aViewerSeesProbesButNoRunButtonAndNoTokensPage() {
        signIn("vera", VIEWER_PASSWORD);
        browser.get(url("/probes/web-health"));

        assertThat(browser.findElement(By.id("summary")).getText()).contains("web-health");
        assertThat(browser.findElements(By.id("run-now"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-tokens"))).isEmpty();
        browser.get(url("/admin/tokens"));
        assertThat(browser.getPageSource()).doesNotContain("Create token");
        assertThat(Chromium.consoleProblems(browser)).as("only the refused page's 403 is logged")
                .allSatisfy(p -> assertThat(p).contains("403"));
    }
}
