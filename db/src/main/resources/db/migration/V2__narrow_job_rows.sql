-- Narrow rows for scans (issue 14). A scan of nas_jobs used to read and decode the two large JSON
-- documents of every row, even for a query that never named them. Now each job is two rows:
--   nas_job_summaries: every column of nas_jobs but nasJobSpec and nasJobOutput, plus the spec's
--                      metric (metricId, goal) promoted to plain columns;
--   nas_job_documents: nasJobSpec and nasJobOutput.
-- nas_jobs becomes a view over both with the resource's columns, names and order as before. nasql
-- runs a query that names no document against nas_job_summaries itself (H2 does not drop an unused
-- LEFT JOIN; PostgreSQL's planner does, so there the view alone is enough).
CREATE TABLE "aiplatform"."nas_job_summaries" (
    "projectsId"                    VARCHAR(128) NOT NULL,
    "locationsId"                   VARCHAR(64)  NOT NULL,
    "nasJobsId"                     VARCHAR(64)  NOT NULL,
    "name"                          VARCHAR(512) NOT NULL,
    "createTime"                    TIMESTAMP(9) WITH TIME ZONE,
    "displayName"                   VARCHAR(1024),
    "enableRestrictedImageTraining" BOOLEAN,
    "encryptionSpec"                JSON,
    "endTime"                       TIMESTAMP(9) WITH TIME ZONE,
    "error"                         JSON,
    "labels"                        JSON,
    "satisfiesPzi"                  BOOLEAN,
    "satisfiesPzs"                  BOOLEAN,
    "startTime"                     TIMESTAMP(9) WITH TIME ZONE,
    "state"                         VARCHAR(32),
    "updateTime"                    TIMESTAMP(9) WITH TIME ZONE,
    "syncedAt"                      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    -- nasJobSpec.multiTrialAlgorithmSpec.metric, as json_value returns it (NULL when absent).
    -- No length limit: a job's metric id is whatever the API accepted (a limit failed this migration and sync).
    "metricId"                      VARCHAR,
    "goal"                          VARCHAR,
    CONSTRAINT "nas_job_summaries_pk" PRIMARY KEY ("projectsId", "locationsId", "nasJobsId")
);

CREATE TABLE "aiplatform"."nas_job_documents" (
    "projectsId"   VARCHAR(128) NOT NULL,
    "locationsId"  VARCHAR(64)  NOT NULL,
    "nasJobsId"    VARCHAR(64)  NOT NULL,
    "nasJobSpec"   JSON,
    "nasJobOutput" JSON,
    CONSTRAINT "nas_job_documents_pk" PRIMARY KEY ("projectsId", "locationsId", "nasJobsId"),
    CONSTRAINT "nas_job_documents_job_fk" FOREIGN KEY ("projectsId", "locationsId", "nasJobsId")
        REFERENCES "aiplatform"."nas_job_summaries" ("projectsId", "locationsId", "nasJobsId") ON DELETE CASCADE
);

INSERT INTO "aiplatform"."nas_job_summaries" ("projectsId", "locationsId", "nasJobsId", "name", "createTime",
        "displayName", "enableRestrictedImageTraining", "encryptionSpec", "endTime", "error", "labels", "satisfiesPzi",
        "satisfiesPzs", "startTime", "state", "updateTime", "syncedAt")
    SELECT "projectsId", "locationsId", "nasJobsId", "name", "createTime", "displayName", "enableRestrictedImageTraining",
           "encryptionSpec", "endTime", "error", "labels", "satisfiesPzi", "satisfiesPzs", "startTime", "state",
           "updateTime", "syncedAt"
    FROM "aiplatform"."nas_jobs";
INSERT INTO "aiplatform"."nas_job_documents" ("projectsId", "locationsId", "nasJobsId", "nasJobSpec", "nasJobOutput")
    SELECT "projectsId", "locationsId", "nasJobsId", "nasJobSpec", "nasJobOutput"
    FROM "aiplatform"."nas_jobs";

-- The metric of jobs synced before: read by the same json_value that queries use (Inventory creates it
-- before migrating). jOOQ's code generator skips this part; it needs no data.
/* [jooq ignore start] */
UPDATE "aiplatform"."nas_job_summaries" s SET
    "metricId" = (SELECT PUBLIC."json_value"(d."nasJobSpec", '$.multiTrialAlgorithmSpec.metric.metricId')
                  FROM "aiplatform"."nas_job_documents" d
                  WHERE d."projectsId" = s."projectsId" AND d."locationsId" = s."locationsId" AND d."nasJobsId" = s."nasJobsId"),
    "goal" = (SELECT PUBLIC."json_value"(d."nasJobSpec", '$.multiTrialAlgorithmSpec.metric.goal')
              FROM "aiplatform"."nas_job_documents" d
              WHERE d."projectsId" = s."projectsId" AND d."locationsId" = s."locationsId" AND d."nasJobsId" = s."nasJobsId");
/* [jooq ignore stop] */

-- What reports group and filter by: state (also with the newest end first), and the scope.
CREATE INDEX "nas_job_summaries_state_idx" ON "aiplatform"."nas_job_summaries" ("state", "endTime");
CREATE INDEX "nas_job_summaries_scope_state_idx" ON "aiplatform"."nas_job_summaries" ("projectsId", "locationsId", "state");
CREATE INDEX "nas_job_summaries_display_name_idx" ON "aiplatform"."nas_job_summaries" ("displayName");

-- The old table goes last, so that a run that fails before (H2 commits each statement) still holds every job in it and
-- Inventory can drop what this made and run it again; IF EXISTS for a run stopped between these two.
ALTER TABLE "aiplatform"."nas_trials" DROP CONSTRAINT IF EXISTS "nas_trials_job_fk";
ALTER TABLE "aiplatform"."nas_trials" ADD CONSTRAINT "nas_trials_job_fk" FOREIGN KEY ("projectsId", "locationsId", "nasJobsId")
    REFERENCES "aiplatform"."nas_job_summaries" ("projectsId", "locationsId", "nasJobsId") ON DELETE CASCADE;
DROP TABLE "aiplatform"."nas_jobs";

-- The resource as the reference page describes it: its 15 columns, the keys and syncedAt, in the order of V1.
CREATE VIEW "aiplatform"."nas_jobs" AS
SELECT s."projectsId", s."locationsId", s."nasJobsId", s."name", s."createTime", s."displayName",
       s."enableRestrictedImageTraining", s."encryptionSpec", s."endTime", s."error", s."labels",
       d."nasJobOutput", d."nasJobSpec", s."satisfiesPzi", s."satisfiesPzs", s."startTime", s."state",
       s."updateTime", s."syncedAt"
FROM "aiplatform"."nas_job_summaries" s
LEFT JOIN "aiplatform"."nas_job_documents" d
  ON d."projectsId" = s."projectsId" AND d."locationsId" = s."locationsId" AND d."nasJobsId" = s."nasJobsId";
