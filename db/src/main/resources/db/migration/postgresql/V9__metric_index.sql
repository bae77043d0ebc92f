-- V9 adds an index on the promoted metric on H2 only (see h2/V9__metric_index.sql): a btree key on PostgreSQL is
-- limited to about 2.7 KB, and a metric id has no length limit (a longer one would fail the migration and every
-- sync of its job). Here it only keeps the versions in step.
COMMENT ON COLUMN "aiplatform"."nas_job_summaries"."metricId" IS 'nasJobSpec.multiTrialAlgorithmSpec.metric.metricId, as json_value returns it';
