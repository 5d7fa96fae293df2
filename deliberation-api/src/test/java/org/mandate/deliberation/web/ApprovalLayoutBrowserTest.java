package org.mandate.deliberation.web;

import org.junit.jupiter.api.Test;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;
import org.mandate.deliberation.service.VoteSettingsService;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The approval form in a real headless Chromium: each rule's yes / no / abstain radios sit on one line, each
 * label right after its own radio and bound to it (clicking the label chooses it), and a radio reached with
 * the keyboard shows the focus outline. Needs Debian's chromium and chromium-driver (see {@link EmbeddedBrowser}).
 */
class ApprovalLayoutBrowserTest extends EmbeddedBrowser {

    @Test
    void yesNoAndAbstainSitOnOneLineEachLabelBesideItsRadio() throws Exception {
        PanelService panels = new PanelService(jdbi);
        CreatedPanel panel = panels.create("Data rules", List.of("relevance", "novelty"), "mean", false);
        long id = panel.panel().id();
        new VoteSettingsService(jdbi).set(id, panel.organiserToken(), Map.of("kinds", List.of("weights", "approval"),
                "items", List.of(Map.of("id", "no_age", "label", "Never use viewers' age", "forbid_attribute", "age"),
                        Map.of("id", "no_region", "label", "Never use viewers' region", "forbid_attribute", "region"))));
        MemberService members = new MemberService(jdbi);
        Session me = members.join(members.invite(id, panel.organiserToken(), 1).getFirst());
        panels.moveTo(id, panel.organiserToken(), Phase.DELIBERATE);
        panels.moveTo(id, panel.organiserToken(), Phase.VOTE);

        driver.get(uri("/").toString());
        driver.manage().addCookie(new Cookie(WebPages.SESSION_COOKIE, me.token()));
        driver.get(uri("/panel/vote").toString());

        for (String item : List.of("no_age", "no_region")) {
            Rectangle first = null;
            int lastRight = -1;
            for (String choice : List.of("yes", "no", "abstain")) {
                WebElement radio = driver.findElement(By.id("approve-" + item + "-" + choice));
                List<WebElement> labels = driver.findElements(By.cssSelector("label[for='approve-" + item + "-" + choice + "']"));
                assertEquals(1, labels.size(), "one label bound to each radio");
                Rectangle r = radio.getRect(), l = labels.getFirst().getRect();
                double radioMiddle = r.getY() + r.getHeight() / 2.0, labelMiddle = l.getY() + l.getHeight() / 2.0;
                assertTrue(Math.abs(radioMiddle - labelMiddle) < Math.max(r.getHeight(), l.getHeight()) / 2.0,
                        choice + ": the label sits on its radio's line (radio " + r.getY() + "+" + r.getHeight() + ", label " + l.getY() + "+" + l.getHeight() + ")");
                assertTrue(l.getX() >= r.getX() + r.getWidth() && l.getX() - (r.getX() + r.getWidth()) < 24,
                        choice + ": the label follows its radio closely (radio ends at " + (r.getX() + r.getWidth()) + ", label starts at " + l.getX() + ")");
                assertTrue(r.getX() > lastRight, choice + " comes after the previous choice on the same line");
                lastRight = l.getX() + l.getWidth();
                if (first == null) first = r;
                else assertEquals(first.getY(), r.getY(), 2, choice + " is on the line of yes");
            }
        }

        // The label is bound: clicking it chooses its radio.
        driver.findElement(By.cssSelector("label[for='approve-no_age-no']")).click();
        assertTrue(driver.findElement(By.id("approve-no_age-no")).isSelected());

        // Keyboard: arrows move the choice inside the group, and the focused radio shows the outline.
        WebElement no = driver.findElement(By.id("approve-no_age-no"));
        no.sendKeys(Keys.ARROW_RIGHT);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("approve-no_age-abstain", focused.getAttribute("id"));
        assertTrue(focused.isSelected());
        Object outline = ((JavascriptExecutor) driver).executeScript(
                "const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertEquals("solid 3px", outline, "a visible focus outline");

        screenshot("24-approval-radios");
    }
}
