-- Job counts per scope and state (issue 14). A GROUP BY over every job read 500,000 index entries (0.5 s for
-- state, 0.8 s for project and state); the store keeps this table in step with nas_job_summaries in the same
-- transaction as each change, and nasql answers a count grouped by project, location or state from it
-- (CountRouting). A scope holds a row per state it has jobs in, never one with 0 jobs.

-- The API's state is an enum, never absent: a NULL could only come from a hand-made row, and means what an
-- unset enum means (JOB_STATE_UNSPECIFIED). Not NULL, so that it can key this table.
/* [jooq ignore start] */
UPDATE "aiplatform"."nas_job_summaries" SET "state" = 'JOB_STATE_UNSPECIFIED' WHERE "state" IS NULL;
/* [jooq ignore stop] */
ALTER TABLE "aiplatform"."nas_job_summaries" ALTER COLUMN "state" SET NOT NULL;

CREATE TABLE "aiplatform"."nas_job_counts" (
    "projectsId"  VARCHAR(128) NOT NULL,
    "locationsId" VARCHAR(64)  NOT NULL,
    "state"       VARCHAR(32)  NOT NULL,
    "jobs"        BIGINT       NOT NULL,
    CONSTRAINT "nas_job_counts_pk" PRIMARY KEY ("projectsId", "locationsId", "state")
);

/* [jooq ignore start] */
INSERT INTO "aiplatform"."nas_job_counts" ("projectsId", "locationsId", "state", "jobs")
    SELECT "projectsId", "locationsId", "state", COUNT(*)
    FROM "aiplatform"."nas_job_summaries"
    GROUP BY "projectsId", "locationsId", "state";
/* [jooq ignore stop] */
