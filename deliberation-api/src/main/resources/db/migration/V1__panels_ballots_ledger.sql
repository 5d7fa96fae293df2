-- Mandate deliberation schema, first slice: panels, members, invitations, sessions, ballots, ledger.
-- The rules that protect the democratic record live here, in the database, so that no code path
-- (and no second API instance) can bypass them: ballots and the ledger are append-only, a panel's
-- menu and rule cannot change after creation, a member has at most one ballot per version, and the
-- ledger cannot fork.

CREATE TABLE panels (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- canonical JSON array of catalogue objective ids, in catalogue order
    menu           text        NOT NULL,
    rule           text        NOT NULL CHECK (rule ~ '^[a-z_]+$'),
    phase          text        NOT NULL DEFAULT 'learn' CHECK (phase IN ('learn', 'deliberate', 'vote', 'closed')),
    allow_revision boolean     NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- The menu, the aggregation rule and the revision policy are fixed before anyone votes.
CREATE FUNCTION panels_lock_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.menu <> OLD.menu OR NEW.rule <> OLD.rule OR NEW.allow_revision <> OLD.allow_revision
       OR NEW.name <> OLD.name OR NEW.created_at <> OLD.created_at THEN
        RAISE EXCEPTION 'a panel''s name, menu, rule and revision policy are locked at creation'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER panels_lock_rules BEFORE UPDATE ON panels FOR EACH ROW EXECUTE FUNCTION panels_lock_rules();

CREATE TABLE invitations (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id   bigint      NOT NULL REFERENCES panels (id),
    -- SHA-256 of the token: a database leak does not hand out seats
    token_hash text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    used_at    timestamptz
);

CREATE TABLE members (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id      bigint      NOT NULL REFERENCES panels (id),
    -- pseudonymous id published in the ledger; never a person's identity
    voter_id      text        NOT NULL UNIQUE CHECK (voter_id ~ '^[a-z0-9_-]{8,64}$'),
    role          text        NOT NULL CHECK (role IN ('organiser', 'member')),
    -- the invitation a member joined with; UNIQUE makes every invitation single-use
    invitation_id bigint      UNIQUE REFERENCES invitations (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, panel_id),
    CHECK ((role = 'member') = (invitation_id IS NOT NULL))
);

CREATE TABLE sessions (
    -- SHA-256 of the bearer token
    token_hash text        PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    member_id  bigint      NOT NULL REFERENCES members (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger (
    seq        bigint      PRIMARY KEY CHECK (seq >= 0),
    kind       text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
    -- the exact canonical JSON the hash covers; text, never jsonb, so no byte is re-encoded
    payload    text        NOT NULL,
    prev_hash  text        NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
    hash       text        NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

-- A new entry must extend the current head: seq 0 points at the genesis hash, seq n at entry n-1.
-- With prev_hash UNIQUE this makes a fork impossible even for a writer that skips the append lock.
CREATE FUNCTION ledger_extends_head() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    expected text;
BEGIN
    IF NEW.seq = 0 THEN
        expected := repeat('0', 64);
    ELSE
        SELECT hash INTO expected FROM ledger WHERE seq = NEW.seq - 1;
    END IF;
    IF expected IS NULL OR expected <> NEW.prev_hash THEN
        RAISE EXCEPTION 'ledger entry % does not extend the head of the chain', NEW.seq
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_extends_head BEFORE INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION ledger_extends_head();

CREATE TABLE ballots (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id   bigint      NOT NULL,
    member_id  bigint      NOT NULL,
    version    integer     NOT NULL CHECK (version >= 1),
    -- canonical JSON of the ballot; receipt = SHA-256 of exactly these bytes
    ballot     text        NOT NULL,
    receipt    text        NOT NULL UNIQUE CHECK (receipt ~ '^[0-9a-f]{64}$'),
    ledger_seq bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    created_at timestamptz NOT NULL,
    FOREIGN KEY (member_id, panel_id) REFERENCES members (id, panel_id),
    -- concurrent submissions of one member cannot both take the same version
    CONSTRAINT ballots_one_per_version UNIQUE (panel_id, member_id, version)
);

-- Versions count up from 1 without gaps, and only panels that allow revision accept a version 2.
-- Together with UNIQUE (panel_id, member_id, version) a member of a no-revision panel has at most
-- one ballot, whatever the timing of their requests.
CREATE FUNCTION ballots_versioning() RETURNS trigger LANGUAGE plpgsql AS $$
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
     WHERE panel_id = NEW.panel_id AND member_id = NEW.member_id;
    IF NEW.version <> latest + 1 THEN
        RAISE EXCEPTION 'ballot version % does not follow version %', NEW.version, latest
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'ballots_one_per_version';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ballots_versioning BEFORE INSERT ON ballots FOR EACH ROW EXECUTE FUNCTION ballots_versioning();

CREATE INDEX ballots_latest ON ballots (panel_id, member_id, version DESC);

-- The mandate each panel's tally produced: one per panel, pointing at its ledger entries.
CREATE TABLE mandates (
    panel_id     bigint      PRIMARY KEY REFERENCES panels (id),
    tally_seq    bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    mandate_seq  bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    mandate_hash text        NOT NULL CHECK (mandate_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Append-only: the record of votes, tallies and mandates is never rewritten.
CREATE FUNCTION refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER ballots_append_only BEFORE UPDATE OR DELETE ON ballots FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ballots_no_truncate BEFORE TRUNCATE ON ballots FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON ledger FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER mandates_append_only BEFORE UPDATE OR DELETE ON mandates FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER mandates_no_truncate BEFORE TRUNCATE ON mandates FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
