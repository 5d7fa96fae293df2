-- Deliberation: members post short statements and vote agree / disagree / pass on others' statements;
-- organisers may hide a statement, with a reason that is published in the ledger. Statements, votes and
-- hidings are append-only: a changed vote is a new row (the latest counts), a hidden statement stays
-- in the table and is marked by a row in statement_hidings, so nothing anyone said is rewritten.

CREATE TABLE statements (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id   bigint      NOT NULL,
    member_id  bigint      NOT NULL,
    -- short statements, as pol.is keeps them: one idea each, readable on a phone
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 280),
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (member_id, panel_id) REFERENCES members (id, panel_id),
    UNIQUE (id, panel_id)
);
CREATE INDEX statements_panel ON statements (panel_id, id);

CREATE TABLE statement_votes (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id     bigint      NOT NULL,
    statement_id bigint      NOT NULL,
    member_id    bigint      NOT NULL,
    -- agree = 1, disagree = -1, pass = 0
    vote         smallint    NOT NULL CHECK (vote IN (-1, 0, 1)),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (statement_id, panel_id) REFERENCES statements (id, panel_id),
    FOREIGN KEY (member_id, panel_id) REFERENCES members (id, panel_id)
);
CREATE INDEX statement_votes_latest ON statement_votes (panel_id, member_id, statement_id, id DESC);

CREATE TABLE statement_hidings (
    statement_id bigint      PRIMARY KEY REFERENCES statements (id),
    reason       text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    -- the 'moderation' ledger entry that makes the hiding and its reason public
    ledger_seq   bigint      NOT NULL UNIQUE REFERENCES ledger (seq),
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER statements_append_only BEFORE UPDATE OR DELETE ON statements FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statements_no_truncate BEFORE TRUNCATE ON statements FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statement_votes_append_only BEFORE UPDATE OR DELETE ON statement_votes FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statement_votes_no_truncate BEFORE TRUNCATE ON statement_votes FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statement_hidings_append_only BEFORE UPDATE OR DELETE ON statement_hidings FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
CREATE TRIGGER statement_hidings_no_truncate BEFORE TRUNCATE ON statement_hidings FOR EACH STATEMENT EXECUTE FUNCTION refuse_rewrite();
