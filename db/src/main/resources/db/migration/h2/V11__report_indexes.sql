-- Indexes that keep the reports that print a row per job (capped at max_jobs) and state-changes near or under a
-- second over 500,000 jobs (issue 14). V10 is the job counts'. The jobs' display names ride in the first two so that
-- the reports read no row; PostgreSQL's V11 leaves them out (a btree key there is limited to about 2.7 KB).
-- Every statement can run again (FailedMigrations), as H2 commits each one.

-- stuck-jobs: the queued and pending jobs in order of creation, read until max_jobs are found, the running ones
-- with their start, all counted from this index alone (5.7 s of CPU above SELECT 1 became about 0.9 s);
-- trial-age: the running jobs with their sync.
CREATE INDEX IF NOT EXISTS "nas_job_summaries_state_created_idx" ON "aiplatform"."nas_job_summaries"
    ("state", "createTime", "projectsId", "locationsId", "nasJobsId", "startTime", "syncedAt", "displayName");
-- trial-age: the other jobs in order of their sync, read until max_jobs are found (8.5 s became about 0.5 s).
CREATE INDEX IF NOT EXISTS "nas_job_summaries_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("syncedAt", "projectsId", "locationsId", "nasJobsId", "state", "displayName");
-- state-changes: the events of the last days grouped by moment and new state from this index alone. It extends the
-- index on observedAt, which it replaces.
CREATE INDEX IF NOT EXISTS "nas_job_events_observed_state_idx" ON "aiplatform"."nas_job_events" ("observedAt", "toState");
DROP INDEX IF EXISTS "aiplatform"."nas_job_events_observed_idx";
