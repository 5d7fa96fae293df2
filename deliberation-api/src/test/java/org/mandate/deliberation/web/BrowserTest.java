package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.SeatedPanel;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Stance;
import org.mandate.deliberation.service.Statement;
import org.mandate.deliberation.service.StatementService;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen pages in a real headless Chromium: join, learn, deliberate (post and vote), vote (allocate
 * points), check the receipt; then the organiser tallies. Screenshots go to target/screenshots/. Needs
 * Debian's chromium and chromium-driver: without them this test fails, it does not skip.
 */
class BrowserTest extends EmbeddedBrowser {

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
        assertEquals(0, new org.mandate.deliberation.service.BallotService(jdbi).ballotCount(id), "the refused ballot left no row");
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

    @Test
    void aMemberDelegatesThenRanksProposalsAndVotesOnADataRule() throws IOException {
        SeatedPanel panel = SeatedPanel.create(jdbi, "Ranked panel", List.of("relevance", "novelty"), "mean", false, 2);
        long id = panel.id();
        String organiser = panel.organiser();
        new org.mandate.deliberation.service.VoteSettingsService(jdbi).set(id, organiser, Map.of(
                "kinds", List.of("ranking", "approval"),
                "proposals", List.of(
                        Map.of("id", "today", "label", "Today's recommender", "weights", Map.of("relevance", 1.0)),
                        Map.of("id", "balanced", "label", "Half relevance, half discovery", "weights", Map.of("relevance", 0.5, "novelty", 0.5))),
                "status_quo", "today",
                "items", List.of(Map.of("id", "no_age", "label", "Never use viewers' age", "forbid_attribute", "age"))));
        org.mandate.deliberation.service.Session me = panel.members().get(0);
        org.mandate.deliberation.service.Session trusted = panel.members().get(1);
        panel.moveTo(Phase.DELIBERATE);

        driver.manage().deleteAllCookies();
        open("/");
        driver.findElement(By.id("session-token")).sendKeys(me.token());
        clickAndWait(driver.findElement(By.id("signin")));

        // delegation, before voting opens: by the other member's handle, revocable
        open("/panel/vote");
        assertLabelled();
        assertEquals(me.member().voterId(), driver.findElement(By.id("my-handle")).getText());
        driver.findElement(By.id("delegate-handle")).sendKeys(me.member().voterId());
        clickAndWait(driver.findElement(By.id("submit-delegation")));
        assertTrue(driver.findElement(By.id("error")).getText().contains("yourself"), driver.findElement(By.id("error")).getText());
        driver.findElement(By.id("delegate-handle")).sendKeys(trusted.member().voterId());
        clickAndWait(driver.findElement(By.id("submit-delegation")));
        assertEquals(trusted.member().voterId(), driver.findElement(By.id("current-delegate")).getText());
        shot("20-vote-delegated");
        clickAndWait(driver.findElement(By.id("revoke-delegation")));
        assertTrue(driver.findElements(By.id("current-delegate")).isEmpty());
        driver.findElement(By.id("delegate-handle")).sendKeys(trusted.member().voterId());
        clickAndWait(driver.findElement(By.id("submit-delegation")));
        assertEquals(trusted.member().voterId(), new org.mandate.deliberation.service.DelegationService(jdbi).state(id, me.token()).delegate());
        assertEquals(3, new org.mandate.deliberation.ledger.LedgerStore(jdbi).entries().stream().filter(e -> e.kind().equals("delegation")).count());

        // voting: my own ranking overrides my delegation; a rule vote with no answer is explained
        panel.moveTo(Phase.VOTE);
        open("/panel/vote");
        assertLabelled();
        assertTrue(driver.findElements(By.id("ballot")).isEmpty(), "this panel offers no weight ballot");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rank-balanced"))).selectByValue("1");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rank-today"))).selectByValue("2");
        shot("21-vote-ranking");
        clickAndWait(driver.findElement(By.id("submit-ranking")));
        assertTrue(driver.findElement(By.id("receipt")).getText().matches("[0-9a-f]{64}"));
        shot("22-ranking-receipt");
        open("/panel/vote");
        clickAndWait(driver.findElement(By.id("submit-approval")));
        assertEquals("approval", driver.findElement(By.id("error")).getAttribute("data-kind"));
        driver.findElement(By.id("approve-no_age-yes")).click();
        clickAndWait(driver.findElement(By.id("submit-approval")));
        String receipt = driver.findElement(By.id("receipt")).getText();
        assertTrue(receipt.matches("[0-9a-f]{64}"), receipt);
        org.mandate.deliberation.service.CastBallot cast = new org.mandate.deliberation.service.BallotService(jdbi).findByReceipt(receipt).orElseThrow();
        assertEquals("approval", cast.kind());
        assertTrue(cast.ballot().contains("\"no_age\":true"), cast.ballot());
        shot("23-approval-receipt");
    }

    /**
     * The organiser's side and the trade-off explorer: create a panel on the page (menu, ballot kinds,
     * rule), invite from a CSV of strata (a malformed one is explained with its line), upload a sweep;
     * then a stratified member explores the trade-offs with the script (sliders) and without it (the
     * form's nearest lattice point, a lattice row), in English and French, and sees the live prediction
     * on the vote page.
     */
    @Test
    void anOrganiserCreatesAPanelWithStrataAndASweepAndAMemberExploresTheTradeOffs() throws IOException {
        open("/");
        driver.manage().deleteAllCookies();
        open("/");
        clickAndWait(driver.findElement(By.id("create-link")));
        assertLabelled();
        driver.findElement(By.id("panel-name")).sendKeys("Regional radio panel");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("panel-rule"))).selectByValue("mean");
        driver.findElement(By.id("kind-floors")).click();
        shot("10-organiser-create");
        clickAndWait(driver.findElement(By.id("create")));
        String organiser = driver.findElement(By.id("organiser-token")).getText();
        assertTrue(organiser.matches("[A-Za-z0-9_-]{43}"), organiser);
        assertTrue(driver.findElement(By.id("panel-kinds")).getText().contains("Floors"), driver.findElement(By.id("panel-kinds")).getText());
        assertTrue(driver.findElement(By.id("panel-rule")).getText().startsWith("Mean"));
        assertLabelled();
        long id = new MemberService(jdbi).authenticate(organiser).orElseThrow().panelId();

        // a malformed strata file creates nothing and says where it is wrong
        long invitationsBefore = count("invitations");
        driver.findElement(By.id("strata-csv")).sendKeys("region,age_band,count\nNorth,18-34,2\nSouth,65+,lots\n");
        clickAndWait(driver.findElement(By.id("upload-strata")));
        assertTrue(driver.findElement(By.id("strata-error")).getText().contains("line 3"), driver.findElement(By.id("strata-error")).getText());
        assertEquals(invitationsBefore, count("invitations"));
        shot("11-organiser-strata-error");
        Path csv = Files.writeString(profile.resolve("strata.csv"), "region,age_band,count\nNorth,18-34,2\n\"South, coast\",65+,1\n");
        driver.findElement(By.id("strata-file")).sendKeys(csv.toAbsolutePath().toString());
        clickAndWait(driver.findElement(By.id("upload-strata")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#stratified-invitations tbody tr"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(2).getText().contains("region = South, coast"), rows.get(2).getText());
        String stratified = rows.getFirst().findElement(By.className("invitation")).getText();

        Path sweep = Files.writeString(profile.resolve("sweep.json"), org.mandate.deliberation.SweepFixture.json(List.of("relevance", "novelty", "provider_fairness"), 4));
        driver.findElement(By.id("sweep-file")).sendKeys(sweep.toAbsolutePath().toString());
        clickAndWait(driver.findElement(By.id("upload-sweep")));
        assertTrue(driver.findElement(By.id("sweep-uploaded")).isDisplayed());
        assertTrue(driver.findElement(By.id("sweep-info")).getText().contains("15 trained models"), driver.findElement(By.id("sweep-info")).getText());
        shot("12-organiser-sweep");

        // a member joins with a stratified invitation and explores
        clickAndWait(driver.findElement(By.cssSelector("form[action='/signout'] button")));
        driver.findElement(By.id("invitation")).sendKeys(stratified);
        clickAndWait(driver.findElement(By.id("join")));
        assertEquals(1, new org.mandate.deliberation.service.StrataService(jdbi).turnout(id).stream()
                .filter(t -> t.attributes().equals(java.util.Map.of("region", "North", "age_band", "18-34"))).count());
        assertLabelled();
        WebElement summary = driver.findElement(By.id("tradeoff-summary"));
        assertEquals("relevance ±0%, novelty ±0%, local share 12%", summary.getText());
        assertEquals(15, driver.findElements(By.cssSelector("#lattice tbody tr")).size());
        assertEquals(12, driver.findElements(By.cssSelector("#lattice tbody tr.nondominated")).size(), "non-dominated points are marked");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('explorer-form').scrollIntoView()");
        shot("13-learn-explorer");
        // with the script: the arrow keys move a slider and the prediction follows, interpolated
        WebElement novelty = driver.findElement(By.id("w-novelty"));
        for (int i = 0; i < 30; i++) novelty.sendKeys(Keys.ARROW_RIGHT);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("tradeoff-summary")).getText().contains("novelty +"));
        assertTrue(List.of("barycentric", "exact").contains(driver.findElement(By.id("explorer")).getAttribute("data-method")));
        assertTrue(driver.findElement(By.id("tradeoff-summary")).getText().contains("relevance \u2212"), driver.findElement(By.id("tradeoff-summary")).getText());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('explorer-form').scrollIntoView()");
        shot("14-learn-explorer-slider");
        // without the script: the form's weights go to the server, which shows the nearest trained model
        open("/panel?w_relevance=50&w_novelty=50&w_provider_fairness=0#explorer");
        assertEquals("relevance \u221212%, novelty +19%, local share 12%", driver.findElement(By.id("tradeoff-summary")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("#lattice tr.chosen")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#slates .slate.chosen")).size(), "both example viewers, side by side with the relevance-only slates");
        assertTrue(driver.findElement(By.cssSelector("#slates .slate.baseline")).getText().contains("Programme 0-0"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('slates-title').scrollIntoView()");
        shot("15-learn-explorer-nearest");
        clickAndWait(driver.findElement(By.cssSelector("#point-14 a")));
        assertEquals("true", driver.findElement(By.cssSelector("#point-14 a")).getAttribute("aria-current"));
        open("/panel?lang=fr");
        assertTrue(driver.findElement(By.id("tradeoff-summary")).getText().startsWith("pertinence"), driver.findElement(By.id("tradeoff-summary")).getText());
        assertTrue(driver.findElement(By.id("objective-novelty")).getText().contains("Nouveauté"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('explorer-form').scrollIntoView()");
        shot("16-learn-explorer-fr");
        open("/panel?lang=en");

        // the vote page predicts the trade-off of the allocation being typed
        new PanelService(jdbi).moveTo(id, organiser, Phase.VOTE);
        open("/panel/vote");
        setPoints("relevance", "50");
        setPoints("novelty", "50");
        setPoints("provider_fairness", "0");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("tradeoff-live")).getText().contains("novelty +19%"));
        assertTrue(driver.findElement(By.id("tradeoff-live")).getText().startsWith("Predicted: relevance"), driver.findElement(By.id("tradeoff-live")).getText());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('tradeoff-live').scrollIntoView({block: 'center'})");
        shot("17-vote-live-tradeoff");
        clickAndWait(driver.findElement(By.cssSelector("form[action='/signout'] button")));
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
        driver.get(uri(path).toString());
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
        screenshot(name);
    }
}
