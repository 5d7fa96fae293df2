package org.mandate.deliberation;

import org.jdbi.v3.core.Jdbi;
import org.mandate.deliberation.service.CreatedPanel;
import org.mandate.deliberation.service.MemberService;
import org.mandate.deliberation.service.PanelService;
import org.mandate.deliberation.service.Phase;
import org.mandate.deliberation.service.Session;

import java.util.List;

/**
 * A panel made through the services, with {@code members} invited and joined: the start most service and
 * page tests share. {@code members} are in invitation order.
 */
public record SeatedPanel(PanelService panels, CreatedPanel created, List<Session> members) {

    public static SeatedPanel create(Jdbi jdbi, String name, List<String> objectives, String rule, boolean revision, int members) {
        PanelService panels = new PanelService(jdbi);
        MemberService service = new MemberService(jdbi);
        CreatedPanel created = panels.create(name, objectives, rule, revision);
        List<Session> sessions = service.invite(created.panel().id(), created.organiserToken(), members).stream().map(service::join).toList();
        return new SeatedPanel(panels, created, sessions);
    }

    public long id() {
        return created.panel().id();
    }

    public String organiser() {
        return created.organiserToken();
    }

    /** Moves the panel on, as its organiser. */
    public void moveTo(Phase phase) {
        panels.moveTo(id(), organiser(), phase);
    }
}
