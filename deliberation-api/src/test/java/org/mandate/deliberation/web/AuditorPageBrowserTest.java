package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.service.Member;
import org.mandate.deliberation.service.MemberService;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #5's pages in a real headless Chromium: the organiser invites an auditor from the organise page's
 * form (no script involved), the auditor joins with the token and lands on the read-only conduct page, which
 * shows settings, timeline, turnout by stratum, delegations, the moderation log and the record, in English
 * and French, with no form to act and nothing that ties a ballot to a member.
 */
class AuditorPageBrowserTest extends EmbeddedBrowser {

    @Test
    void theOrganiserInvitesAnAuditorWhoReadsTheConductButCannotAct() throws IOException {
        ConductedPanel panel = ConductedPanel.create(jdbi, "Audited radio panel");

        // the organiser signs in and invites an auditor with the form's seat choice
        driver.manage().deleteAllCookies();
        open("/");
        driver.findElement(By.id("session-token")).sendKeys(panel.organiser());
        submitAndWaitFor(By.id("signin"), "/organise");
        assertEquals(1, driver.findElements(By.cssSelector("label[for='invite-role']")).size(), "the seat choice is labelled");
        Select role = new Select(driver.findElement(By.id("invite-role")));
        assertEquals("member", role.getFirstSelectedOption().getAttribute("value"), "members stay the default");
        role.selectByValue("auditor");
        WebElement count = driver.findElement(By.id("invite-count"));
        count.clear();
        count.sendKeys("1");
        screenshot("40-organiser-invites-auditor");
        long membersBefore = new MemberService(jdbi).memberCount(panel.id());
        driver.findElement(By.id("invite")).click();
        WebElement issued = new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.findElement(By.id("invitations")));
        assertEquals("auditor", issued.getAttribute("data-role"));
        assertTrue(driver.getPageSource().contains("New auditor invitation tokens"), "the tokens are said to be auditors'");
        List<WebElement> tokens = issued.findElements(By.className("invitation"));
        assertEquals(1, tokens.size());
        String token = tokens.getFirst().getText();

        // the auditor joins with it and lands on the conduct page
        driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("invitation")).isEmpty());
        driver.findElement(By.id("invitation")).sendKeys(token);
        submitAndWaitFor(By.id("join"), "/audit");
        Member auditor = new MemberService(jdbi).authenticate(driver.manage().getCookieNamed(WebPages.SESSION_COOKIE).getValue()).orElseThrow();
        assertEquals(Member.Role.AUDITOR, auditor.role());
        assertEquals(panel.id(), auditor.panelId());
        assertEquals(membersBefore, new MemberService(jdbi).memberCount(panel.id()), "an auditor is not a member");
        assertEquals("Conduct of the panel", driver.findElement(By.tagName("h1")).getText());
        assertEquals("vote", driver.findElement(By.id("phase")).getAttribute("data-phase"));

        // what the API gives an auditor: turnout by stratum with the unstratified member and totals
        List<WebElement> strata = driver.findElements(By.cssSelector("#turnout tbody tr"));
        assertEquals(List.of("region = North 2 2", "region = South 1 0", "Invited without strata 1 0"), strata.stream().map(WebElement::getText).toList());
        assertEquals("All members 4 2", driver.findElement(By.id("turnout-total")).getText());
        assertEquals("2", driver.findElement(By.id("ballot-entries")).getText());
        assertEquals("1", driver.findElement(By.id("delegations-in-force")).getText());
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertTrue(timeline.contains("Panel created") && timeline.contains("Phase Learn → Deliberate") && timeline.contains("Phase Deliberate → Vote"), timeline);
        WebElement moderation = driver.findElement(By.id("moderation"));
        assertTrue(moderation.getText().contains(ConductedPanel.REASON) && moderation.getText().contains("Hidden"), moderation.getText());
        assertEquals("true", driver.findElement(By.id("chain")).getAttribute("data-ok"));
        assertEquals(6, driver.findElements(By.cssSelector("#audit-links a")).size());
        screenshot("41-auditor-conduct");

        // nothing to act with: no form but signing out, none of the organiser's or members' forms
        assertEquals(List.of("/signout"), driver.findElements(By.tagName("form")).stream().map(f -> f.getDomAttribute("action")).toList());
        for (String form : List.of("invite-form", "strata-form", "move-phase", "tally", "ballot", "statement-text")) {
            assertTrue(driver.findElements(By.id(form)).isEmpty(), form + " is on the audit page");
        }
        panel.assertBlind("/audit", driver.getPageSource());

        // the organiser's page is not the auditor's
        open("/organise");
        assertTrue(driver.findElements(By.id("invite-form")).isEmpty(), "the auditor sees no invitation form");
        assertTrue(driver.getPageSource().contains("403"), "refused: " + driver.getPageSource());

        // the same page in French
        open("/audit?lang=fr");
        assertEquals("Conduite du panel", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.id("timeline")).getText().contains("Phase Délibérer → Voter"), driver.findElement(By.id("timeline")).getText());
        assertTrue(driver.findElement(By.id("moderation")).getText().contains("Masquée"));
        screenshot("42-auditor-conduct-fr");
        open("/audit?lang=en");
    }

    /** Clicks the submit button {@code button} and waits until the browser is at {@code path}. */
    private static void submitAndWaitFor(By button, String path) {
        driver.findElement(button).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().endsWith(path));
    }

    private static void open(String path) {
        driver.get(uri(path).toString());
    }
}
