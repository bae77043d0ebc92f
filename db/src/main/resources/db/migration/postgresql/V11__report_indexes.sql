-- Indexes for the reports that print a row per job (capped at max_jobs) and state-changes (issue 14), as H2's V11
-- but without the jobs' display names (a btree key here is limited to about 2.7 KB). V10 is the job counts'.

-- stuck-jobs' unfinished jobs by state and creation, with their start; trial-age's running jobs with their sync.
CREATE INDEX "nas_job_summaries_state_created_idx" ON "aiplatform"."nas_job_summaries"
    ("state", "createTime", "projectsId", "locationsId", "nasJobsId", "startTime", "syncedAt");
-- trial-age: the other jobs in order of their sync.
CREATE INDEX "nas_job_summaries_synced_idx" ON "aiplatform"."nas_job_summaries"
    ("syncedAt", "projectsId", "locationsId", "nasJobsId", "state");
-- state-changes: the events of the last days by moment and new state. It extends the index on observedAt, which it replaces.
CREATE INDEX "nas_job_events_observed_state_idx" ON "aiplatform"."nas_job_events" ("observedAt", "toState");
DROP INDEX "aiplatform"."nas_job_events_observed_idx";
