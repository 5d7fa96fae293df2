-- Every ballot kind, the panel's vote settings, and revocable (liquid) delegation.
--
-- A ballot row now has a kind; versions count per member *and kind*, so a member's floor proposal does
-- not replace their weights. The latest version of each kind is the one that counts.

ALTER TABLE ballots ADD COLUMN kind text NOT NULL DEFAULT 'weights'
    CHECK (kind IN ('weights', 'floors', 'comparison', 'ranking', 'approval'));
ALTER TABLE ballots DROP CONSTRAINT ballots_one_per_version;
ALTER TABLE ballots ADD CONSTRAINT ballots_one_per_version UNIQUE (panel_id, member_id, kind, version);
DROP INDEX ballots_latest;
CREATE INDEX ballots_latest ON ballots (panel_id, member_id, kind, version DESC);
CREATE INDEX ballots_member_kind ON ballots (member_id, kind, version DESC);

CREATE OR REPLACE FUNCTION ballots_versioning() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    revisable boolean;
    latest    integer;
BEGIN
    SELECT allow_revision INTO revisable FROM panels WHERE id = NEW.panel_id;
    IF NEW.version > 1 AND NOT revisable THEN
        RAISE EXCEPTION 'panel % does not allow revised ballots', NEW.panel_id
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'ballots_one_per_version';
    END IF;
    SELECT coalesce(max(version), 0) INTO latest FROM ballots
     WHERE panel_id = NEW.panel_id AND member_id = NEW.member_id AND kind = NEW.kind;
    IF NEW.version <> latest + 1 THEN
        RAISE EXCEPTION 'ballot version % does not follow version %', NEW.version, latest
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'ballots_one_per_version';
    END IF;
    RETURN NEW;
END $$;

-- Which ballot kinds a panel offers, with what each needs (slates, proposals, rules put to the vote).
-- Set once by the organiser before voting opens and published in the ledger ('vote_settings' entry),
-- so nobody can change what is on the ballot while people vote. A panel without a row votes weights.
CREATE TABLE vote_settings (
    panel_id   bigint      PRIMARY KEY REFERENCES panels (id),
    -- canonical JSON; the ledger entry's payload holds the same object
    settings   text        NOT NULL,
    ledger_seq bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Delegation changes, append-only: the latest row of a delegator is in force; a NULL delegate is a
-- revocation. Each row is published in the ledger as a 'delegation' entry (pseudonyms only).
CREATE TABLE delegations (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id     bigint      NOT NULL,
    delegator_id bigint      NOT NULL,
    delegate_id  bigint,
    ledger_seq   bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    created_at   timestamptz NOT NULL,
    FOREIGN KEY (delegator_id, panel_id) REFERENCES members (id, panel_id),
    FOREIGN KEY (delegate_id, panel_id) REFERENCES members (id, panel_id),
    CHECK (delegate_id IS NULL OR delegate_id <> delegator_id)
);
CREATE INDEX delegations_latest ON delegations (panel_id, delegator_id, id DESC);

CREATE TRIGGER vote_settings_append_only BEFORE UPDATE OR DELETE ON vote_settings FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER vote_settings_no_truncate BEFORE TRUNCATE ON vote_settings FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER delegations_append_only BEFORE UPDATE OR DELETE ON delegations FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER delegations_no_truncate BEFORE TRUNCATE ON delegations FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
