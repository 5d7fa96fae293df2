-- Training runs survive a restart: a job whose worker died while it was running is queued again (started_at
-- cleared, restarts counted) and continues from its last per-epoch checkpoint, instead of being marked failed
-- ('interrupted') as V5 did. A job that keeps dying is failed after a few restarts rather than tried forever.
ALTER TABLE training_runs
    ADD COLUMN restarts      integer NOT NULL DEFAULT 0 CHECK (restarts >= 0),
    -- where the latest restart picked up: the first step and epoch it trained (earlier ones came from checkpoints)
    ADD COLUMN resumed_step  text,
    ADD COLUMN resumed_epoch integer CHECK (resumed_epoch >= 0),
    ADD CHECK ((resumed_step IS NULL) = (resumed_epoch IS NULL)),
    ADD CHECK (restarts > 0 OR resumed_step IS NULL);
