package io.logsearch.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.logsearch.api.LogSearchPlugin;
import io.logsearch.api.TestApi;
import io.logsearch.api.auth.Tokens;
import io.logsearch.testsupport.Ports;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The web page with a tokens file, and inside a host app under a path prefix. */
@ExtendWith(RealElasticsearch.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebAccessIT {

    private static final String TEAM_A = "team-a-web-token-0123456789";
    private static TestApi api;

    @BeforeAll
    static void start(TestElasticsearch es, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokens.json");
        Files.writeString(file, """
                {"tokens": [{"name": "team-a", "sha256": "%s", "organizations": ["org-a"], "scopes": ["search"]}]}"""
                .formatted(Tokens.sha256Hex(TEAM_A)));
        Tokens tokens = Tokens.read(file);
        api = TestApi.start(es, cfg -> cfg.tokens = Optional.of(tokens));
        Instant recent = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.HOURS);
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            documents.add("{\"@timestamp\":\"" + recent.plusSeconds(60L * i) + "\",\"event\":{\"id\":\"w" + i
                    + "\",\"action\":\"" + (i % 2 == 0 ? "login" : "logout") + "\",\"outcome\":\"" + (i % 5 == 0 ? "failure" : "success")
                    + "\",\"provider\":\"okta\"},\"organization\":{\"id\":\"" + (i < 30 ? "org-a" : "org-b") + "\"},"
                    + "\"message\":\"web access test " + i + "\"}");
        }
        api.loadEcs(documents);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static long shownTotal(Browser browser) {
        return Long.parseLong(browser.text("#total").replaceAll("[^0-9]", ""));
    }

    @Test
    void asksForTheTokenAndThenSearchesAndExportsWithIt(@TempDir Path downloads) throws Exception {
        try (Browser browser = new Browser(downloads)) {
            browser.open(api.base + "/?window=1d");
            assertTrue(browser.find("#problem").isDisplayed());
            assertTrue(browser.text("#problem").startsWith("This server needs a bearer token"), browser.text("#problem"));
            assertTrue(browser.find("#token-form").isDisplayed(), "the token field opens by itself");
            assertEquals("token", browser.driver.switchTo().activeElement().getDomAttribute("id"));
            browser.screenshot("10-token-needed");

            browser.find("#token").sendKeys(TEAM_A, org.openqa.selenium.Keys.ENTER);
            browser.settled();
            assertFalse(browser.find("#problem").isDisplayed());
            assertEquals(30, shownTotal(browser), "only the token's organization");
            assertEquals("token set", browser.text("#token-state"));
            assertEquals("", browser.find("#token").getDomProperty("value"), "the field does not keep the token");

            browser.find("#export-csv").click();
            Path csv = downloads.resolve("events.csv");
            browser.until(d -> Files.exists(csv) && sizeOf(csv) > 0);
            try (Stream<String> lines = Files.lines(csv)) {
                assertEquals(31, lines.count(), "the header and the 30 events the token may see");
            }

            browser.find("#token-toggle").click();
            browser.find("#forget").click();
            browser.settled();
            assertTrue(browser.text("#problem").startsWith("This server needs a bearer token"));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    @Test
    void worksInsideAHostAppUnderAPrefix() {
        Javalin host = Javalin.create(config -> {
            config.routes.get("/", ctx -> ctx.result("the host's own home page"));
            config.registerPlugin(new LogSearchPlugin(cfg -> {
                cfg.store = api.index;
                cfg.pathPrefix = "/tools/audit";
            }));
        }).start("127.0.0.1", Ports.free());
        try (Browser browser = new Browser()) {
            String base = "http://127.0.0.1:" + host.port();
            browser.open(base + "/tools/audit/?window=1d&source=okta");
            assertEquals(50, shownTotal(browser));
            assertEquals(50, browser.all("#rows tr").size());
            @SuppressWarnings("unchecked")
            List<String> fetched = (List<String>) browser.script(
                    "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)");
            assertTrue(fetched.size() >= 10 && fetched.stream().allMatch(p -> p.startsWith("/tools/audit/")), fetched.toString());
            assertTrue(browser.find("#export-csv").getDomProperty("href").startsWith(base + "/tools/audit/v1/events/export?format=csv"));

            browser.find("#sidebar section[data-field='eventType'] button.top").click();
            browser.settled();
            assertTrue(browser.driver.getCurrentUrl().startsWith(base + "/tools/audit/?window=1d&source=okta&eventType="),
                    browser.driver.getCurrentUrl());
            assertEquals(25, shownTotal(browser));
            browser.find("a.brand").click();
            browser.settled();
            assertEquals(base + "/tools/audit/", browser.driver.getCurrentUrl(), "the home link stays under the prefix");
        } finally {
            host.stop();
        }
    }
}
