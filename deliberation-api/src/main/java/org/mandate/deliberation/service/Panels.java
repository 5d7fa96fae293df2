package org.mandate.deliberation.service;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.mandate.objectives.ballot.ObjectiveMenu;
import org.mandate.objectives.json.Json;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Reading panel rows, shared by the services; the lock variants order writers on the panel row. */
final class Panels {

    private static final String COLUMNS = "SELECT id, name, menu, rule, phase, allow_revision, created_at FROM panels WHERE id = :id";

    @SuppressWarnings("unchecked")
    static final RowMapper<Panel> PANEL = (rs, ctx) -> new Panel(rs.getLong("id"), rs.getString("name"),
            new ObjectiveMenu((List<String>) Json.parse(rs.getString("menu"))), rs.getString("rule"),
            Phase.of(rs.getString("phase")), rs.getBoolean("allow_revision"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private Panels() {}

    static Optional<Panel> find(Handle h, long id) {
        return h.createQuery(COLUMNS).bind("id", id).map(PANEL).findOne();
    }

    /** The panel, share-locked: its phase cannot change until this transaction ends (ballots take this). */
    static Panel shared(Handle h, long id) {
        return h.createQuery(COLUMNS + " FOR SHARE").bind("id", id).map(PANEL).findOne().orElseThrow(() -> notFound(id));
    }

    /** The panel, locked for update: waits for in-flight ballots, blocks new ones (phase changes, tally). */
    static Panel exclusive(Handle h, long id) {
        return h.createQuery(COLUMNS + " FOR UPDATE").bind("id", id).map(PANEL).findOne().orElseThrow(() -> notFound(id));
    }

    static Refused notFound(long id) {
        return new Refused(Refused.Kind.NOT_FOUND, "there is no panel " + id);
    }
}
