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

-- The counts belong to whoever owns the jobs, and whoever may read or write the jobs may do the same with their
-- counts: a read-only role made as the README says (GRANT SELECT ON ALL TABLES) would otherwise be refused every
-- count nasql answers from this table, and sync workers granted writes (or owning the tables, when another role
-- runs this upgrade) could not keep it.
DO $$
DECLARE
    jobs_owner text;
    granted record;
BEGIN
    SELECT r.rolname INTO jobs_owner FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
    WHERE c.oid = '"aiplatform"."nas_job_summaries"'::regclass;
    FOR granted IN SELECT DISTINCT a.grantee, a.privilege_type FROM pg_class c, aclexplode(c.relacl) a
                   WHERE c.oid = '"aiplatform"."nas_job_summaries"'::regclass AND a.grantee <> c.relowner
    LOOP
        IF granted.grantee = 0 THEN
            EXECUTE format('GRANT %s ON "aiplatform"."nas_job_counts" TO PUBLIC', granted.privilege_type);
        ELSE
            EXECUTE format('GRANT %s ON "aiplatform"."nas_job_counts" TO %I', granted.privilege_type,
                           (SELECT rolname FROM pg_roles WHERE oid = granted.grantee));
        END IF;
    END LOOP;
    -- Last: the grants above were made by the role running this, which still owns the table.
    BEGIN
        EXECUTE format('ALTER TABLE "aiplatform"."nas_job_counts" OWNER TO %I', jobs_owner);
    EXCEPTION WHEN insufficient_privilege THEN
        EXECUTE format('GRANT ALL ON "aiplatform"."nas_job_counts" TO %I', jobs_owner);
    END;
END $$;
