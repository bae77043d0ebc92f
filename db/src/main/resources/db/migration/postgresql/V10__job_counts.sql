-- Job counts per scope and state (issue 14). A GROUP BY over every job read 500,000 index entries (0.5 s for
-- state, 0.8 s for project and state); the store keeps this table in step with nas_job_summaries in the same
-- transaction as each change, and nasql answers a count grouped by project, location or state from it
-- (CountRouting). A scope holds a row per state it has jobs in, never one with 0 jobs.
-- The same as h2/V10 (where each statement commits, so each can run again); here Flyway runs it in one transaction.

-- The API's state is an enum, never absent: a NULL could only come from a hand-made row, and means what an
-- unset enum means (JOB_STATE_UNSPECIFIED). Not NULL, so that it can key this table.
UPDATE "aiplatform"."nas_job_summaries" SET "state" = 'JOB_STATE_UNSPECIFIED' WHERE "state" IS NULL;
ALTER TABLE "aiplatform"."nas_job_summaries" ALTER COLUMN "state" SET NOT NULL;

CREATE TABLE IF NOT EXISTS "aiplatform"."nas_job_counts" (
    "projectsId"  VARCHAR(128) NOT NULL,
    "locationsId" VARCHAR(64)  NOT NULL,
    "state"       VARCHAR(32)  NOT NULL,
    "jobs"        BIGINT       NOT NULL,
    CONSTRAINT "nas_job_counts_pk" PRIMARY KEY ("projectsId", "locationsId", "state")
);

DELETE FROM "aiplatform"."nas_job_counts";
INSERT INTO "aiplatform"."nas_job_counts" ("projectsId", "locationsId", "state", "jobs")
    SELECT "projectsId", "locationsId", "state", COUNT(*)
    FROM "aiplatform"."nas_job_summaries"
    GROUP BY "projectsId", "locationsId", "state";

-- Whoever may read the jobs may read their counts: a read-only role made as the README says (GRANT SELECT ON ALL
-- TABLES) would otherwise be refused every count nasql answers from this table.
DO $$
DECLARE
    reader oid;
BEGIN
    FOR reader IN SELECT DISTINCT a.grantee FROM pg_class c, aclexplode(c.relacl) a
                  WHERE c.oid = '"aiplatform"."nas_job_summaries"'::regclass AND a.privilege_type = 'SELECT'
    LOOP
        IF reader = 0 THEN
            EXECUTE 'GRANT SELECT ON "aiplatform"."nas_job_counts" TO PUBLIC';
        ELSE
            EXECUTE format('GRANT SELECT ON "aiplatform"."nas_job_counts" TO %I', (SELECT rolname FROM pg_roles WHERE oid = reader));
        END IF;
    END LOOP;
END $$;
