package io.logsearch.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.logsearch.api.TestApi;
import io.logsearch.generator.ExportGenerator;
import io.logsearch.generator.GeneratorSpec;
import io.logsearch.indexer.sources.SourceContext;
import io.logsearch.testsupport.RealElasticsearch;
import io.logsearch.testsupport.TestElasticsearch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web page in a real browser against the real server and real data (generated ThousandEyes
 * and Authing exports loaded through the indexer): every check compares what the page shows with
 * what the API answers for the same search.
 */
@ExtendWith(RealElasticsearch.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebPageIT {

    private static final Instant UNTIL = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestApi api;
    private static Browser browser;

    @BeforeAll
    static void start(TestElasticsearch es) {
        api = TestApi.start(es, cfg -> { });
        api.load("thousandeyes", SourceContext.EMPTY, export("thousandeyes", 1_300));
        api.load("authing", SourceContext.EMPTY, export("authing", 300));
        browser = new Browser();
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
        api.close();
    }

    static String export(String source, long events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ExportGenerator.forSource(source).write(new GeneratorSpec(events, 3, 7, UNTIL), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long apiTotal(String query) {
        return api.get("/v1/events?size=1&" + query).json().at("/total/value").asLong();
    }

    /** The page's own query string, decoded. */
    private static String pageQuery() {
        String url = browser.driver.getCurrentUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : URLDecoder.decode(url.substring(q + 1), StandardCharsets.UTF_8);
    }

    private static long shownTotal() {
        return Long.parseLong(browser.text("#total").replaceAll("[^0-9]", ""));
    }

    private static long histogramSum() {
        return ((Number) browser.script("return [...document.querySelectorAll('#histogram .bucket')]"
                + ".reduce((n, b) => n + Number(b.dataset.count), 0)")).longValue();
    }

    private static List<String> column(int index) {
        @SuppressWarnings("unchecked")
        List<String> cells = (List<String>) browser.script("return [...document.querySelectorAll('#rows tr')]"
                + ".map(tr => tr.children[arguments[0]].textContent)", index);
        return cells;
    }

    private void addFilter(String field, String value) {
        browser.find("#filter-field").sendKeys(field);
        browser.script("document.querySelector('#filter-field').value = arguments[0]", field);
        WebElement input = browser.find("#filter-value");
        input.sendKeys(value, Keys.ENTER);
        browser.settled();
    }

    @Test
    void filtersNarrowTheTableAndTheHistogramAsTheApiDoes() {
        browser.open(api.base + "/?window=7d");
        assertEquals(1_600, shownTotal(), browser.text("#total"));
        assertEquals(1_600, histogramSum(), "the histogram counts every match");
        assertEquals(250, browser.all("#rows tr").size(), "the first page");
        browser.screenshot("01-all-events");

        addFilter("source", "authing");
        addFilter("success", "failure");
        assertEquals("window=7d&source=authing&success=false", pageQuery());
        long expected = apiTotal("window=7d&source=authing&success=false");
        assertTrue(expected > 0 && expected < 300, "the data has Authing failures: " + expected);
        assertEquals(expected, shownTotal());
        assertEquals(expected, histogramSum());
        assertEquals(Math.min(expected, 250), browser.all("#rows tr").size());
        assertTrue(column(1).stream().allMatch("authing"::equals), column(1).toString());
        assertTrue(column(3).stream().allMatch("failure"::equals), column(3).toString());
        assertTrue(((Number) browser.script("return document.querySelectorAll('#histogram rect.success').length")).intValue() == 0,
                "no success bars among failures");
        assertEquals(List.of("source", "authing", "outcome", "failure"),
                browser.all("#chips .chip span").stream().map(WebElement::getText).toList());
        browser.screenshot("02-filtered");

        browser.find("#chips .chip:first-child button.x").click();
        browser.settled();
        assertEquals("window=7d&success=false", pageQuery());
        assertEquals(apiTotal("window=7d&success=false"), shownTotal());

        browser.driver.navigate().back();
        browser.settled();
        assertEquals("window=7d&source=authing&success=false", pageQuery(), "the back button restores the search");
        assertEquals(expected, shownTotal());
        assertEquals(2, browser.all("#chips .chip").size());
    }

    @Test
    void freeTextEveryFilterFieldAndTheAbsoluteRange() {
        browser.open(api.base + "/?window=7d");
        JsonNode first = api.get("/v1/events?size=1&window=7d&source=thousandeyes").json().at("/events/0");
        String word = first.get("message").asText().split(" ")[0];
        browser.find("#q").sendKeys(word, Keys.ENTER);
        browser.settled();
        assertEquals(apiTotal("window=7d&q=" + word), shownTotal());

        browser.open(api.base + "/");
        for (String field : List.of("eventType", "userId", "organizationId", "clientIp", "category", "appId", "requestId")) {
            assertEquals(1, browser.all("#filter-field option[value='" + field + "']").size(), field + " can be filtered on");
        }
        String start = UNTIL.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String end = UNTIL.truncatedTo(ChronoUnit.SECONDS).toString();
        browser.script("const s = document.querySelector('#window'); s.value = 'range'; s.dispatchEvent(new Event('change'))");
        for (String[] input : List.of(new String[] {"#startDate", start}, new String[] {"#endDate", end})) {
            browser.script("const i = document.querySelector(arguments[0]); i.value = arguments[1].slice(0, 19);"
                    + " i.dispatchEvent(new Event('input'))", input[0], input[1]);
        }
        browser.find("#go").click();
        browser.settled();
        assertEquals("startDate=" + start + "&endDate=" + end, pageQuery());
        assertEquals(apiTotal("startDate=" + start + "&endDate=" + end), shownTotal());
    }

    @Test
    void draggingAcrossTheHistogramNarrowsTheTimeRange() {
        browser.open(api.base + "/?window=7d&source=thousandeyes");
        WebElement chart = browser.find("#histogram svg");
        int width = chart.getSize().getWidth();
        // the data fills the last three of the seven days: drag across the right part
        new Actions(browser.driver).moveToElement(chart, width / 6, 0).clickAndHold()
                .moveByOffset(width / 4, 0).release().perform();
        browser.settled();
        String query = pageQuery();
        assertTrue(query.matches("source=thousandeyes&startDate=[^&]+Z&endDate=[^&]+Z"), query);
        String range = query.substring(query.indexOf("startDate"));
        Instant start = Instant.parse(range.substring("startDate=".length(), range.indexOf('&')));
        Instant end = Instant.parse(range.substring(range.indexOf("endDate=") + "endDate=".length()));
        assertTrue(start.isBefore(end) && start.isAfter(UNTIL.minus(8, ChronoUnit.DAYS)), start + " " + end);
        long expected = apiTotal("source=thousandeyes&" + range);
        assertTrue(expected > 0 && expected < 1_300, "a part of the events: " + expected);
        assertEquals(expected, shownTotal());
        assertEquals(expected, histogramSum());
        assertEquals("range", browser.find("#window").getDomProperty("value"));
        browser.screenshot("03-brushed");
    }

    @Test
    void aTopValueBecomesAFilterAndClickedAgainIsRemoved() {
        browser.open(api.base + "/?window=7d");
        WebElement top = browser.find("#sidebar section[data-field='eventType'] button.top");
        String value = top.getDomAttribute("data-value");
        long count = Long.parseLong(top.findElement(org.openqa.selenium.By.cssSelector(".n")).getText().replace(",", ""));
        JsonNode apiTop = api.get("/v1/events/top?field=eventType&size=1&window=7d").json();
        assertEquals(apiTop.at("/buckets/0/value").asText(), value);
        assertEquals(apiTop.at("/buckets/0/count").asLong(), count);
        top.click();
        browser.settled();
        assertEquals("window=7d&eventType=" + value, pageQuery());
        assertEquals(count, shownTotal());
        assertTrue(column(2).stream().allMatch(value::equals), column(2).toString());
        browser.screenshot("04-top-value");

        browser.find("#sidebar section[data-field='eventType'] button.top.on").click();
        browser.settled();
        assertEquals("window=7d", pageQuery());
        assertEquals(1_600, shownTotal());

        browser.find("#sidebar section[data-field='eventType'] button.exclude[data-value='" + value + "']").click();
        browser.settled();
        assertEquals("window=7d&exclude=eventType:" + value, pageQuery());
        assertEquals(1_600 - count, shownTotal());
        assertEquals(1_600 - count, histogramSum());
        assertTrue(column(2).stream().noneMatch(value::equals), column(2).toString());
        assertEquals(List.of("not event type", value), browser.all("#chips .chip span").stream().map(WebElement::getText).toList());
        assertTrue(browser.all("#sidebar section[data-field='eventType'] button.top[data-value='" + value + "']").isEmpty());
        browser.screenshot("04-excluded");
    }

    @Test
    void loadMoreAppendsPagesPastAThousandRowsWithoutRedrawing() {
        browser.open(api.base + "/?window=7d&source=thousandeyes");
        WebElement firstRow = browser.find("#rows tr");
        String firstText = firstRow.getText();
        long started = System.nanoTime();
        for (int pages = 1; pages < 6; pages++) {
            browser.find("#more").click();
            int expected = Math.min(1_300, (pages + 1) * 250);
            browser.until(d -> browser.all("#rows tr").size() == expected);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1_300, browser.all("#rows tr").size());
        assertEquals(firstText, firstRow.getText(), "the first row is the same element: pages are appended, not re-rendered");
        assertFalse(browser.find("#more").isDisplayed(), "no more pages after the last");
        assertEquals("showing 1,300 of 1,300", browser.text("#shown"));
        List<String> times = column(0);
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "newest first across pages");
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.script("return [...document.querySelectorAll('#rows tr')].map(tr => tr.dataset.index)");
        assertEquals(1_300, new HashSet<>(ids).size());
        assertTrue(millis < 30_000, "five pages took " + millis + " ms");
        browser.script("document.querySelector('#rows tr:last-child').scrollIntoView()");
        browser.screenshot("05-loaded-1300");
    }

    @Test
    void anEventOpensWithItsOriginalRecordAndItsValuesFilter() throws Exception {
        browser.open(api.base + "/?window=7d&source=authing");
        WebElement row = browser.all("#rows tr").get(2);
        row.findElement(org.openqa.selenium.By.cssSelector("td.c-time")).click();
        browser.until(d -> !browser.all("#detail pre.original").isEmpty());
        JsonNode shown = api.get("/v1/events?size=3&window=7d&source=authing&includeOriginal=true").json().at("/events/2");
        String original = browser.text("#detail pre.original");
        assertEquals(TestApi.JSON.readTree(shown.at("/event/original").asText()), TestApi.JSON.readTree(original));
        assertTrue(original.contains("\n  \""), "pretty-printed: " + original);
        assertTrue(browser.text("#detail .fields").contains(shown.at("/event/id").asText()));
        browser.screenshot("06-event");

        browser.find("#detail").sendKeys(Keys.ESCAPE);
        assertFalse(browser.find("#detail").isDisplayed(), "Esc closes the panel");
        row = browser.all("#rows tr").get(2);
        row.sendKeys(Keys.ENTER);
        browser.until(d -> !browser.all("#detail pre.original").isEmpty());
        WebElement action = browser.find("#detail button.v[data-filter='eventType']");
        String value = action.getDomAttribute("data-value");
        action.click();
        browser.settled();
        assertEquals("window=7d&source=authing&eventType=" + value, pageQuery());
        assertEquals(apiTotal("window=7d&source=authing&eventType=" + value), shownTotal());

        browser.all("#rows tr td.c-time").get(0).click();
        browser.until(d -> !browser.all("#detail pre.original").isEmpty());
        WebElement user = browser.find("#detail button.exclude[data-filter='userId']");
        String userId = user.getDomAttribute("data-value");
        user.click();
        browser.settled();
        String excluded = "window=7d&source=authing&eventType=" + value + "&exclude=userId:" + userId;
        assertEquals(excluded, pageQuery());
        assertEquals(apiTotal(excluded), shownTotal());
    }

    @Test
    void aSharedUrlGivesTheSameResultsInANewSession() {
        browser.open(api.base + "/?window=7d&source=thousandeyes");
        browser.find("#sidebar section[data-field='userId'] button.top").click();
        browser.settled();
        String url = browser.driver.getCurrentUrl();
        List<String> rows = browser.all("#rows tr").stream().map(WebElement::getText).toList();
        String total = browser.text("#total");
        try (Browser other = new Browser()) {
            other.open(url);
            assertEquals(total, other.text("#total"));
            assertEquals(rows, other.all("#rows tr").stream().map(WebElement::getText).toList());
            assertEquals(browser.all("#chips .chip").size(), other.all("#chips .chip").size());
        }
    }

    @Test
    void exportsTheCurrentSearch() throws Exception {
        browser.open(api.base + "/?window=7d&source=authing&success=true");
        String href = browser.find("#export-csv").getDomProperty("href");
        assertEquals(api.base + "/v1/events/export?format=csv&window=7d&source=authing&success=true", href);
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(href)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertEquals(shownTotal() + 1, csv.body().split("\r\n").length, "a header and one line per event");
        assertTrue(browser.find("#export-ndjson").getDomProperty("href").contains("format=ndjson&window=7d&source=authing&success=true"));
    }

    @Test
    void emptyAndErrorStatesSayWhatHappened() {
        browser.open(api.base + "/?window=7d&q=nosuchwordanywhere");
        assertEquals("0 events", browser.text("#total"));
        assertTrue(browser.text("#state").startsWith("No events match"), browser.text("#state"));
        browser.screenshot("07-empty");

        browser.open(api.base + "/?window=7d&clientIp=not-an-address");
        assertTrue(browser.find("#problem").isDisplayed());
        String problem = browser.text("#problem");
        assertTrue(problem.contains("clientIp") && problem.contains("must be an IPv4 or IPv6 address or CIDR network"), problem);
        assertTrue(browser.text("#state").contains("failed"), browser.text("#state"));
        browser.screenshot("08-error");
    }

    @Test
    void keyboardAndBothThemes() {
        browser.open(api.base + "/?window=4d");
        browser.find("body").sendKeys("/");
        assertEquals("q", browser.driver.switchTo().activeElement().getDomAttribute("id"), "/ focuses the search box");
        WebElement row = browser.find("#rows tr");
        row.sendKeys(Keys.ARROW_DOWN);
        assertEquals("1", browser.driver.switchTo().activeElement().getDomAttribute("data-index"), "arrows move between rows");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.until(d -> browser.find("#detail").isDisplayed());

        Set<String> themes = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            browser.find("#theme").click();
            String theme = browser.find("html").getDomAttribute("data-theme");
            themes.add(theme);
            browser.screenshot("09-theme-" + theme);
            String background = (String) browser.script("return getComputedStyle(document.body).backgroundColor");
            assertEquals(theme.equals("dark") ? "rgb(15, 20, 26)" : "rgb(246, 247, 249)", background, theme);
        }
        assertEquals(Set.of("dark", "light"), themes);
    }
}
