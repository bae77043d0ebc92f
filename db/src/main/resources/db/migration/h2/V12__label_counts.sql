-- Job counts per scope and label set (issue 14), for a count grouped by a label and for the labels report. Both
-- read every job's labels (0.84 s and 1.27 s over 500,000 jobs, calling json_value once per job); a scope's jobs
-- share a few label sets, so this table has a row per scope and label set, and json_value runs once per row. Per
-- scope, as nas_job_counts, so that concurrent syncs of different scopes never wait for each other's count rows
-- (one row per label set for all scopes made 32 sync threads queue until H2's lock timeout). The store keeps it in
-- the same transaction as every change to the jobs, from the rows it inserts and the rows its DELETE returns
-- (JobCounts), and nasql answers those counts from it (CountRouting).
-- "labels" is '{}' for a job without labels: json_value(labels, '$.key') is NULL on either, as the routing needs.
-- The labels report's columns: "runningJobs" and "failedJobs" in those states; its running time is kept as sums:
-- "endedSeconds" of endTime - startTime of the jobs with both; "openJobs" started but not ended, and
-- "openStartSeconds" the sum of their start as epoch seconds, so the report adds openJobs * now - openStartSeconds.
-- Exact decimals, so adding and taking away leaves no drift.
-- Every statement can run again: H2 commits each one, so a run cut short is run again whole at the next open.
-- postgresql/V12 is the same, plus grants.
CREATE TABLE IF NOT EXISTS "aiplatform"."nas_job_label_counts" (
    "projectsId"       VARCHAR(128)   NOT NULL,
    "locationsId"      VARCHAR(64)    NOT NULL,
    "labels"           JSON           NOT NULL,
    "jobs"             BIGINT         NOT NULL,
    "runningJobs"      BIGINT         NOT NULL,
    "failedJobs"       BIGINT         NOT NULL,
    "openJobs"         BIGINT         NOT NULL,
    "openStartSeconds" NUMERIC(38, 9) NOT NULL,
    "endedSeconds"     NUMERIC(38, 9) NOT NULL,
    CONSTRAINT "nas_job_label_counts_pk" PRIMARY KEY ("projectsId", "locationsId", "labels")
);

/* [jooq ignore start] */
DELETE FROM "aiplatform"."nas_job_label_counts";
INSERT INTO "aiplatform"."nas_job_label_counts" ("projectsId", "locationsId", "labels", "jobs", "runningJobs", "failedJobs",
        "openJobs", "openStartSeconds", "endedSeconds")
    SELECT "projectsId", "locationsId", COALESCE("labels", JSON '{}'), COUNT(*),
           COUNT(CASE WHEN "state" = 'JOB_STATE_RUNNING' THEN 1 END),
           COUNT(CASE WHEN "state" = 'JOB_STATE_FAILED' THEN 1 END),
           COUNT(CASE WHEN "endTime" IS NULL THEN "startTime" END),
           COALESCE(SUM(CASE WHEN "endTime" IS NULL THEN EXTRACT(EPOCH FROM "startTime") END), 0),
           COALESCE(SUM(EXTRACT(EPOCH FROM "endTime") - EXTRACT(EPOCH FROM "startTime")), 0)
    FROM "aiplatform"."nas_job_summaries"
    GROUP BY "projectsId", "locationsId", COALESCE("labels", JSON '{}');

-- V6's index for the labels report and label counts: they read this table now, and sync no longer keeps a
-- second copy of every job's labels.
DROP INDEX IF EXISTS "aiplatform"."nas_job_summaries_labels_idx";
/* [jooq ignore stop] */
