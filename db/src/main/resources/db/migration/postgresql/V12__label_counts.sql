-- Job counts per scope and label set (issue 14), as h2/V12 (which says why and how), with JSONB. PostgreSQL
-- limits a btree key to about 2.7 KB, which 64 long labels exceed, so a label set is keyed by the md5 of its
-- JSONB text (JSONB's text is canonical: keys sorted, no whitespace), and the store's upsert names that index.
CREATE TABLE "aiplatform"."nas_job_label_counts" (
    "projectsId"       VARCHAR(128)   NOT NULL,
    "locationsId"      VARCHAR(64)    NOT NULL,
    "labels"           JSONB          NOT NULL,
    "jobs"             BIGINT         NOT NULL,
    "runningJobs"      BIGINT         NOT NULL,
    "failedJobs"       BIGINT         NOT NULL,
    "openJobs"         BIGINT         NOT NULL,
    "openStartSeconds" NUMERIC(38, 9) NOT NULL,
    "endedSeconds"     NUMERIC(38, 9) NOT NULL
);
CREATE UNIQUE INDEX "nas_job_label_counts_key" ON "aiplatform"."nas_job_label_counts"
    ("projectsId", "locationsId", md5("labels"::text));

-- Epoch seconds to the microsecond, exactly: PostgreSQL 13's EXTRACT(EPOCH ...) is a double, which the sums would carry.
CREATE FUNCTION "aiplatform"."nasql_epoch"(t TIMESTAMPTZ) RETURNS NUMERIC LANGUAGE SQL STABLE AS
$$ SELECT EXTRACT(EPOCH FROM date_trunc('second', t))::numeric + (EXTRACT(MICROSECONDS FROM t)::numeric % 1000000) / 1000000 $$;

INSERT INTO "aiplatform"."nas_job_label_counts" ("projectsId", "locationsId", "labels", "jobs", "runningJobs", "failedJobs",
        "openJobs", "openStartSeconds", "endedSeconds")
    SELECT "projectsId", "locationsId", COALESCE("labels", '{}'::jsonb), COUNT(*),
           COUNT(CASE WHEN "state" = 'JOB_STATE_RUNNING' THEN 1 END),
           COUNT(CASE WHEN "state" = 'JOB_STATE_FAILED' THEN 1 END),
           COUNT(CASE WHEN "endTime" IS NULL THEN "startTime" END),
           COALESCE(SUM(CASE WHEN "endTime" IS NULL THEN "aiplatform"."nasql_epoch"("startTime") END), 0),
           COALESCE(SUM("aiplatform"."nasql_epoch"("endTime") - "aiplatform"."nasql_epoch"("startTime")), 0)
    FROM "aiplatform"."nas_job_summaries"
    GROUP BY "projectsId", "locationsId", COALESCE("labels", '{}'::jsonb);
DROP FUNCTION "aiplatform"."nasql_epoch"(TIMESTAMPTZ);

-- Readers and writers of the jobs get the same rights on these counts, and the jobs' owner owns them (see V10).
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
            EXECUTE format('GRANT %s ON "aiplatform"."nas_job_label_counts" TO PUBLIC', granted.privilege_type);
        ELSE
            EXECUTE format('GRANT %s ON "aiplatform"."nas_job_label_counts" TO %I', granted.privilege_type,
                           (SELECT rolname FROM pg_roles WHERE oid = granted.grantee));
        END IF;
    END LOOP;
    -- Last: the grants above were made by the role running this, which still owns the table.
    BEGIN
        EXECUTE format('ALTER TABLE "aiplatform"."nas_job_label_counts" OWNER TO %I', jobs_owner);
    EXCEPTION WHEN insufficient_privilege THEN
        EXECUTE format('GRANT ALL ON "aiplatform"."nas_job_label_counts" TO %I', jobs_owner);
    END;
END $$;
