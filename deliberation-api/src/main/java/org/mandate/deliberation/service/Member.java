package org.mandate.deliberation.service;

/**
 * A seat on a panel. The voter id is the pseudonym published in the ledger with every ballot; nothing
 * in the schema links it to a person.
 */
public record Member(long id, long panelId, String voterId, Role role) {

    /** An auditor reads what the organiser reads about the panel's conduct but never acts and never counts as a member. */
    public enum Role {
        ORGANISER, MEMBER, AUDITOR;

        public String id() {
            return name().toLowerCase();
        }
    }
}
