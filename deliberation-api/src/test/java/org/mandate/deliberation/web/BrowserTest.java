package org.mandate.deliberation.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.http.ApiServer;
import org.mandate.deliberation.http.RateLimiter;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Stance;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen pages in a real headless Chromium: join, learn, deliberate (post and vote), vote (allocate
 * points), check the receipt; then the organiser tallies. Screenshots go to target/screenshots/. Needs
 * Debian's chromium and chromium-driver: without them this test fails, it does not skip.
 */
class BrowserTest extends EmbeddedDatabase {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path profile;

    private static ApiServer server;
    private static WebDriver driver;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM), "Chromium is missing at " + CHROMIUM
                + ": install it with `apt-get install -y chromium chromium-driver` (or set CHROME_BIN)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver is missing at " + CHROMEDRIVER
                + ": install it with `apt-get install -y chromium-driver` (or set CHROMEDRIVER)");
        Files.createDirectories(SCREENSHOTS);
        server = new ApiServer(jdbi, new RateLimiter(10_000, 1_000)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1100,1400", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    @Test
    void aMemberJoinsDeliberatesVotesAndChecksTheReceiptThenTheOrganiserTallies() throws IOException {
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        StatementService statements = new StatementService(jdbi);
        CreatedPanel panel = panels.create("City broadcaster panel", List.of("relevance", "novelty", "provider_fairness"), "mean", false);
        long id = panel.panel().id();
        String organiser = panel.organiserToken();
        List<String> invitations = members.invite(id, organiser, 5);
        String[] others = new String[4];
        for (int i = 0; i < 4; i++) others[i] = members.join(invitations.get(i + 1)).token();

        // join with the invitation, through the page
        open("/");
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertLabelled();
        driver.findElement(By.id("invitation")).sendKeys(invitations.getFirst());
        clickAndWait(driver.findElement(By.id("join")));
        assertTrue(driver.getCurrentUrl().endsWith("/panel"), driver.getCurrentUrl());
        assertEquals("learn", driver.findElement(By.id("phase")).getAttribute("data-phase"));
        assertTrue(driver.findElement(By.id("objective-novelty")).getText().contains("less-watched"));
        shot("01-learn");

        // the same page in French, then back
        clickAndWait(driver.findElement(By.cssSelector("a[hreflang=fr]")));
        assertEquals("fr", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertTrue(driver.findElement(By.id("objective-novelty")).getText().contains("Nouveauté"));
        shot("02-learn-fr");
        clickAndWait(driver.findElement(By.cssSelector("a[hreflang=en]")));
        assertEquals("en", driver.findElement(By.tagName("html")).getAttribute("lang"));

        // deliberation: the others speak and vote in two camps
        panels.moveTo(id, organiser, Phase.DELIBERATE);
        Statement familiar = statements.post(id, others[0], "Keep recommending what I already watch.");
        Statement discover = statements.post(id, others[2], "Help me discover independent producers.");
        for (int i = 0; i < 4; i++) {
            if (i != 0) statements.vote(id, others[i], familiar.id(), i < 2 ? Stance.AGREE : Stance.DISAGREE);
            if (i != 2) statements.vote(id, others[i], discover.id(), i < 2 ? Stance.DISAGREE : Stance.AGREE);
        }
        open("/panel/deliberate");
        assertLabelled();
        WebElement text = driver.findElement(By.id("statement-text"));
        text.sendKeys("Explain why each programme is recommended <b>please</b>");
        clickAndWait(driver.findElement(By.id("post-statement")));
        assertTrue(driver.getPageSource().contains("Explain why each programme is recommended &lt;b&gt;please&lt;/b&gt;"), "typed markup is escaped");
        WebElement onDiscover = driver.findElement(By.id("s" + discover.id()));
        clickAndWait(onDiscover.findElement(By.cssSelector("button.agree")));
        onDiscover = driver.findElement(By.id("s" + discover.id()));
        assertEquals("Agree", onDiscover.findElement(By.className("my-vote")).getText());
        // keyboard only: focus the disagree button of the other statement and press Enter
        WebElement disagree = driver.findElement(By.id("s" + familiar.id())).findElement(By.cssSelector("button.disagree"));
        disagree.sendKeys(Keys.ENTER);
        waitUntilReplaced(disagree);
        assertEquals("Disagree", driver.findElement(By.id("s" + familiar.id())).findElement(By.className("my-vote")).getText());
        List<WebElement> dots = driver.findElements(By.cssSelector("#opinion-map circle.participant"));
        assertEquals(5, dots.stream().mapToInt(d -> Integer.parseInt(d.getAttribute("data-count"))).sum(), "four others and me voted");
        assertEquals(1, driver.findElements(By.cssSelector("#opinion-map circle[stroke-width=\"3\"]")).size(), "my own dot is ringed");
        assertFalse(driver.findElements(By.cssSelector(".group")).isEmpty());
        shot("03-deliberate");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('map-title').scrollIntoView()");
        shot("04-opinion-map");

        // voting: a wrong total is explained, a right one gives a receipt
        panels.moveTo(id, organiser, Phase.VOTE);
        open("/panel/vote");
        assertLabelled();
        setPoints("relevance", "60");
        setPoints("novelty", "30");
        setPoints("provider_fairness", "20");
        assertEquals("110", driver.findElement(By.id("total")).getText(), "the running total follows the inputs");
        shot("05-vote-over");
        clickAndWait(driver.findElement(By.id("submit-ballot")));
        assertTrue(driver.findElement(By.id("error")).getText().contains("100"), driver.findElement(By.id("error")).getText());
        assertEquals(0, count("ballots"));
        setPoints("relevance", "50");
        assertEquals("100", driver.findElement(By.id("total")).getText());
        clickAndWait(driver.findElement(By.id("submit-ballot")));
        String receipt = driver.findElement(By.id("receipt")).getText();
        assertTrue(receipt.matches("[0-9a-f]{64}"), receipt);
        shot("06-receipt");

        clickAndWait(driver.findElement(By.id("check-link")));
        WebElement result = driver.findElement(By.id("check-result"));
        assertTrue(result.getText().contains("in the record"), result.getText());
        assertTrue(result.getText().contains("version that counts"), result.getText());
        shot("07-receipt-checked");
        open("/receipt?hash=" + "0".repeat(64));
        assertTrue(driver.findElement(By.id("check-result")).getText().contains("No ballot"));

        // the organiser signs in with their token and tallies
        clickAndWait(driver.findElement(By.cssSelector("form[action='/signout'] button")));
        driver.findElement(By.id("session-token")).sendKeys(organiser);
        clickAndWait(driver.findElement(By.id("signin")));
        assertTrue(driver.getCurrentUrl().endsWith("/organise"), driver.getCurrentUrl());
        assertLabelled();
        WebElement toHide = driver.findElement(By.id("s" + familiar.id()));
        toHide.findElement(By.name("reason")).sendKeys("off-topic (test)");
        clickAndWait(toHide.findElement(By.cssSelector("button[type=submit]")));
        assertTrue(driver.findElement(By.id("s" + familiar.id())).getText().contains("off-topic (test)"));
        assertTrue(new org.mandate.deliberation.ledger.LedgerStore(jdbi).entries().stream().anyMatch(e -> e.kind().equals("moderation")));
        clickAndWait(driver.findElement(By.id("tally")));
        WebElement mandate = driver.findElement(By.id("mandate"));
        assertTrue(mandate.getText().contains("Relevance: 50%"), mandate.getText());
        assertEquals("closed", driver.findElement(By.id("phase")).getAttribute("data-phase"));
        shot("08-organiser-mandate");

        open("/docs");
        assertEquals(server.routes().size(), driver.findElements(By.cssSelector("table.operations tbody tr")).size());
        shot("09-api-docs");
    }

    /** Clicks something that loads a new page, and waits until the old page is gone. */
    private static void clickAndWait(WebElement e) {
        e.click();
        waitUntilReplaced(e);
    }

    /**
     * Waits for the page that held {@code e} to be replaced. While the old document is being torn down,
     * Chrome may answer "node does not belong to the document" instead of a stale-element error; both
     * mean the element is gone.
     */
    private static void waitUntilReplaced(WebElement e) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> {
            try {
                e.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException racing) {
                return String.valueOf(racing.getMessage()).contains("does not belong to the document");
            }
        });
    }

    private static void open(String path) {
        driver.get(base + path);
    }

    private static void setPoints(String objective, String value) {
        WebElement input = driver.findElement(By.id("points-" + objective));
        input.clear();
        input.sendKeys(value);
    }

    /** Every visible form control has a label pointing at it. */
    private static void assertLabelled() {
        for (WebElement input : driver.findElements(By.cssSelector("input:not([type=hidden]), textarea, select"))) {
            String id = input.getAttribute("id");
            assertTrue(id != null && !id.isEmpty(), "a form control without id on " + driver.getCurrentUrl());
            assertEquals(1, driver.findElements(By.cssSelector("label[for='" + id + "']")).size(), "no label for #" + id + " on " + driver.getCurrentUrl());
        }
    }

    private static void shot(String name) throws IOException {
        File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
