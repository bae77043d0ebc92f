-- V6 adds an index for grouping by labels on H2 only (see h2/V6__labels_index.sql): a btree key on
-- PostgreSQL is limited to about 2.7 KB, which 64 long labels exceed. Here it only keeps the versions in step.
COMMENT ON TABLE "aiplatform"."nas_job_summaries" IS 'nas_jobs without its two large documents; see the view nas_jobs';
