package org.mandate.deliberation.service;

import org.junit.jupiter.api.Test;
import org.mandate.audit.ledger.LedgerEntry;
import org.mandate.audit.ledger.LedgerEvent;
import org.mandate.audit.ledger.MemberSelection;
import org.mandate.audit.ledger.PanelConfigured;
import org.mandate.audit.ledger.PhaseChanged;
import org.mandate.audit.ledger.StatementModerated;
import org.mandate.deliberation.EmbeddedDatabase;
import org.mandate.deliberation.ledger.LedgerStore;
import org.mandate.objectives.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Panel creation, phase moves and moderation write the typed ledger events the audit module reads back. */
class LedgerEventsTest extends EmbeddedDatabase {

    private static List<LedgerEvent> eventsOf(long panel, long fromSeq) {
        return new LedgerStore(jdbi).entries().stream().filter(e -> e.seq() >= fromSeq && LedgerEvent.isModelled(e.kind()))
                .map(LedgerEvent::parse).filter(ev -> switch (ev) {
                    case PanelConfigured c -> c.panelId() == panel;
                    case PhaseChanged c -> c.panelId() == panel;
                    case StatementModerated m -> m.panelId() == panel;
                    default -> false;
                }).toList();
    }

    @Test
    void creationPhasesAndModerationAreTypedEntriesThatNameNoModerator() {
        long before = new LedgerStore(jdbi).head().map(LedgerEntry::seq).orElse(-1L) + 1;
        PanelService panels = new PanelService(jdbi);
        MemberService members = new MemberService(jdbi);
        StatementService statements = new StatementService(jdbi);
        MemberSelection selection = new MemberSelection("stratified_sortition", "residents aged 16 and over", List.of("region", "age_band"), null);
        CreatedPanel p = panels.create("typed entries", List.of("relevance", "novelty"), "independent_markets", true, selection);
        long id = p.panel().id();
        List<String> seats = members.invite(id, p.organiserToken(), 2).stream().map(i -> members.join(i).token()).toList();
        panels.moveTo(id, p.organiserToken(), Phase.DELIBERATE);
        Statement s = statements.post(id, seats.get(0), "Something rude");
        Moderation m = statements.hide(id, p.organiserToken(), s.id(), "insult (rule 2)");
        panels.moveTo(id, p.organiserToken(), Phase.VOTE);

        List<LedgerEvent> events = eventsOf(id, before);
        assertEquals(4, events.size(), events.toString());
        PanelConfigured c = (PanelConfigured) events.get(0);
        assertEquals(List.of("relevance", "novelty"), c.menu());
        assertEquals("independent_markets", c.rule());
        assertEquals(List.of("weights"), c.ballotKinds());
        assertEquals(PhaseChanged.PHASES, c.phases());
        assertEquals(selection, c.selection());
        assertTrue(c.allowRevision());
        assertEquals(p.panel().createdAt().toString(), c.createdAt());

        PhaseChanged deliberate = (PhaseChanged) events.get(1);
        assertEquals("learn", deliberate.from());
        assertEquals("deliberate", deliberate.to());
        StatementModerated hidden = (StatementModerated) events.get(2);
        assertEquals(s.id(), hidden.statementId());
        assertEquals(StatementModerated.Action.HIDE, hidden.action());
        assertEquals("insult (rule 2)", hidden.reason());
        assertEquals("organiser", hidden.byRole());
        assertEquals(CanonicalJson.sha256Hex("Something rude".getBytes(StandardCharsets.UTF_8)), hidden.statementSha256());
        assertFalse(m.entry().payload().contains(p.organiser().voterId()), "the moderator is named by role only");
        assertEquals("vote", ((PhaseChanged) events.get(3)).to());
        assertFalse(events.get(3).canonicalJson().contains(p.organiser().voterId()), "phase entries name no one");
    }

    @Test
    void aPanelCreatedWithoutADeclarationRecordsThatItsSelectionWasNotDeclared() {
        long before = new LedgerStore(jdbi).head().map(LedgerEntry::seq).orElse(-1L) + 1;
        CreatedPanel p = new PanelService(jdbi).create("undeclared", List.of("relevance"), "mean", false);
        PanelConfigured c = (PanelConfigured) eventsOf(p.panel().id(), before).getFirst();
        assertEquals(MemberSelection.undeclared(), c.selection());
    }
}
