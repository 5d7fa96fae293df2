-- Training runs of a panel's published mandate, as background jobs: queued -> running -> succeeded | failed.
-- A row is written before the work starts and survives any restart: a job whose worker died while it was
-- running is marked failed ('interrupted') by the next server, never silently lost or left "running".
CREATE TABLE training_runs (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    panel_id       bigint      NOT NULL REFERENCES panels (id),
    -- the mandate trained under, as published in the ledger
    mandate_hash   text        NOT NULL CHECK (mandate_hash ~ '^[0-9a-f]{64}$'),
    state          text        NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
    -- progress: the trainer's phase (calibration:<objective>, training, ...) and epoch x of y within it
    step           text        NOT NULL DEFAULT 'queued',
    epoch          integer     NOT NULL DEFAULT 0 CHECK (epoch >= 0),
    epochs         integer     NOT NULL DEFAULT 0 CHECK (epochs >= 0),
    error          text,
    artifact_dir   text,
    model_sha256   text        CHECK (model_sha256 ~ '^[0-9a-f]{64}$'),
    training_seq   bigint      REFERENCES ledger (seq),
    evaluation_seq bigint      REFERENCES ledger (seq),
    created_at     timestamptz NOT NULL DEFAULT now(),
    started_at     timestamptz,
    finished_at    timestamptz,
    CHECK ((state = 'failed') = (error IS NOT NULL)),
    CHECK (state <> 'succeeded' OR (artifact_dir IS NOT NULL AND model_sha256 IS NOT NULL
                                    AND training_seq IS NOT NULL AND evaluation_seq IS NOT NULL AND finished_at IS NOT NULL)),
    CHECK (state <> 'queued' OR started_at IS NULL),
    CHECK (state <> 'running' OR started_at IS NOT NULL)
);

CREATE INDEX training_runs_by_panel ON training_runs (panel_id, id);

-- A finished job is history: its outcome and ledger entries never change.
CREATE FUNCTION training_runs_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state IN ('succeeded', 'failed') THEN
        RAISE EXCEPTION 'training run % has finished (%); it cannot change', OLD.id, OLD.state
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER training_runs_final BEFORE UPDATE ON training_runs FOR EACH ROW EXECUTE FUNCTION training_runs_final();
