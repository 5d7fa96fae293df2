-- Organiser-side and learn-phase material: the strata an invitation (and then the member who redeems
-- it) belongs to, and the weight sweeps shown in the trade-off explorer.
-- Everything here is written once and never rewritten, like the rest of the record.

-- Strata (region, age band, ...) of an invitation, from the organiser's CSV. Attribute names are short
-- identifiers; values are what the organiser wrote. Nothing here names a person.
CREATE TABLE invitation_attributes (
    invitation_id bigint NOT NULL REFERENCES invitations (id),
    name          text   NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{0,39}$' AND name <> 'count'),
    value         text   NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    PRIMARY KEY (invitation_id, name)
);

-- The strata a member joined with: copied from their invitation when they redeem it. The audit report's
-- strata table reads these with whether the member voted, never with what they voted.
CREATE TABLE member_attributes (
    member_id bigint NOT NULL REFERENCES members (id),
    name      text   NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{0,39}$' AND name <> 'count'),
    value     text   NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
    PRIMARY KEY (member_id, name)
);

-- Weight sweeps ("mandate-sweep/1") uploaded for a panel's learn phase. A new upload is a new row; the
-- latest one is shown. Each upload is published in the ledger by its SHA-256, so an auditor can tell
-- which trade-offs the panel was shown.
CREATE TABLE panel_sweeps (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id   bigint      NOT NULL REFERENCES panels (id),
    -- the canonical JSON of the validated sweep; sha256 is over exactly these bytes
    sweep      text        NOT NULL,
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    ledger_seq bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX panel_sweeps_latest ON panel_sweeps (panel_id, id DESC);

CREATE TRIGGER invitation_attributes_append_only BEFORE UPDATE OR DELETE ON invitation_attributes FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER invitation_attributes_no_truncate BEFORE TRUNCATE ON invitation_attributes FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER member_attributes_append_only BEFORE UPDATE OR DELETE ON member_attributes FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER member_attributes_no_truncate BEFORE TRUNCATE ON member_attributes FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER panel_sweeps_append_only BEFORE UPDATE OR DELETE ON panel_sweeps FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER panel_sweeps_no_truncate BEFORE TRUNCATE ON panel_sweeps FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
