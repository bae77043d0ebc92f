-- Indexes for the reports that print a row per job (capped at max_jobs) and state-changes (issue 14), as H2's V11
-- but without the jobs' display names (a btree key here is limited to about 2.7 KB). V10 is another change's.

-- stuck-jobs' unfinished jobs by state with their start and creation; trial-age's running jobs in order of their sync.
CREATE INDEX "nas_job_summaries_state_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("state", "syncedAt", "projectsId", "locationsId", "nasJobsId", "createTime", "startTime");
-- trial-age: the other jobs in order of their sync.
CREATE INDEX "nas_job_summaries_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("syncedAt", "projectsId", "locationsId", "nasJobsId", "state");
-- state-changes: the events of the last days by day and new state. It extends the index on observedAt, which it replaces.
CREATE INDEX "nas_job_events_observed_state_idx" ON "aiplatform"."nas_job_events" ("observedAt", "toState");
DROP INDEX "aiplatform"."nas_job_events_observed_idx";
