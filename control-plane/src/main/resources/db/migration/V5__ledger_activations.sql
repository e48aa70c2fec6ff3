-- The ledger records every activation of a content revision, not every commit once: going back to an
-- earlier revision (git reset, a force-push) and forward again are changes too, so a ref may repeat.
-- Replicas and restarts still add nothing for the revision already active: the plane checks the
-- latest config-commit entry under a transaction-scoped advisory lock instead of this constraint.
ALTER TABLE change_event DROP CONSTRAINT change_event_kind_ref_key;
CREATE INDEX change_event_kind_ref ON change_event (kind, ref, id);
CREATE INDEX change_event_kind_id ON change_event (kind, id DESC);

-- How a config commit's activation relates to what ran before it: the revision's first activation, a
-- rollback (back to a revision first active before the one it replaced) or a roll_forward (to one
-- active before, after a rollback); and the revision it replaced. Other kinds leave both empty.
ALTER TABLE change_event
    ADD COLUMN activation   text CHECK (activation IN ('first', 'rollback', 'roll_forward')),
    ADD COLUMN previous_ref text;

UPDATE change_event c
SET activation = 'first', previous_ref = p.previous_ref
FROM (SELECT id, lag(ref) OVER (ORDER BY id) AS previous_ref FROM change_event WHERE kind = 'config_commit') p
WHERE c.id = p.id;
