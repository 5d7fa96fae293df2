package org.mandate.deliberation.service;

/**
 * A seat on a panel. The voter id is the pseudonym published in the ledger with every ballot; nothing
 * in the schema links it to a person.
 */
public record Member(long id, long panelId, String voterId, Role role) {

    public enum Role {
        ORGANISER, MEMBER;

        public String id() {
            return name().toLowerCase();
        }
    }
}
