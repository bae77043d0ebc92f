-- Job counts per label set and state (issue 14), for a count grouped by a label and for the labels report. Both
-- read every job's labels (0.84 s and 1.27 s over 500,000 jobs, calling json_value once per job); jobs share a
-- few label sets, so this table has a row per label set and state, and json_value runs once per row. The store
-- keeps it in the same transaction as every change to the jobs, from the rows it inserts and the rows its DELETE
-- returns (JobCounts), and nasql answers those counts from it (CountRouting).
-- "labels" is '{}' for a job without labels: json_value(labels, '$.key') is NULL on either, as the routing needs.
-- The running time of the labels report is kept as sums: "endedSeconds" of endTime - startTime of the jobs with
-- both; "openJobs" started but not ended, and "openStartSeconds" the sum of their start as epoch seconds, so the
-- report adds openJobs * now - openStartSeconds. Exact decimals, so adding and taking away leaves no drift.
-- Every statement can run again: H2 commits each one, so a run cut short is run again whole at the next open.
-- postgresql/V12 is the same, plus grants.
CREATE TABLE IF NOT EXISTS "aiplatform"."nas_job_label_counts" (
    "labels"           JSON           NOT NULL,
    "state"            VARCHAR(32)    NOT NULL,
    "jobs"             BIGINT         NOT NULL,
    "openJobs"         BIGINT         NOT NULL,
    "openStartSeconds" NUMERIC(38, 9) NOT NULL,
    "endedSeconds"     NUMERIC(38, 9) NOT NULL,
    CONSTRAINT "nas_job_label_counts_pk" PRIMARY KEY ("labels", "state")
);

/* [jooq ignore start] */
DELETE FROM "aiplatform"."nas_job_label_counts";
INSERT INTO "aiplatform"."nas_job_label_counts"
        ("labels", "state", "jobs", "openJobs", "openStartSeconds", "endedSeconds")
    SELECT COALESCE("labels", JSON '{}'), "state", COUNT(*),
           COUNT(CASE WHEN "endTime" IS NULL THEN "startTime" END),
           COALESCE(SUM(CASE WHEN "endTime" IS NULL THEN EXTRACT(EPOCH FROM "startTime") END), 0),
           COALESCE(SUM(EXTRACT(EPOCH FROM "endTime") - EXTRACT(EPOCH FROM "startTime")), 0)
    FROM "aiplatform"."nas_job_summaries"
    GROUP BY COALESCE("labels", JSON '{}'), "state";

-- V6's index for the labels report and label counts: they read this table now, and sync no longer keeps a
-- second copy of every job's labels.
DROP INDEX IF EXISTS "aiplatform"."nas_job_summaries_labels_idx";
/* [jooq ignore stop] */
