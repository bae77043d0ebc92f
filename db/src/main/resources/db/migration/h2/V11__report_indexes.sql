-- Indexes that keep the reports that print a row per job (capped at max_jobs) and state-changes under a second
-- over 500,000 jobs (issue 14). V10 is another change's. The jobs' display names ride in the first two so that the
-- reports read no row; PostgreSQL's V11 leaves them out (a btree key there is limited to about 2.7 KB).

-- stuck-jobs: unfinished jobs with their start and creation, read and counted from this index alone (5.7 s of CPU
-- above SELECT 1 became about 1 s); trial-age: the running jobs in order of their sync, the first max_jobs of them.
CREATE INDEX "nas_job_summaries_state_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("state", "syncedAt", "projectsId", "locationsId", "nasJobsId", "createTime", "startTime", "displayName");
-- trial-age: the other jobs in order of their sync, read until max_jobs are found (8.5 s became about 0.5 s).
CREATE INDEX "nas_job_summaries_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("syncedAt", "projectsId", "locationsId", "nasJobsId", "state", "displayName");
-- state-changes: the events of the last days grouped by day and new state from this index alone. It extends the
-- index on observedAt, which it replaces.
CREATE INDEX "nas_job_events_observed_state_idx" ON "aiplatform"."nas_job_events" ("observedAt", "toState");
DROP INDEX "aiplatform"."nas_job_events_observed_idx";
