-- The reports that pick "the N jobs created last" (compare, search-progress, trade-off) read this index in
-- order and stop after N, instead of sorting every job (issue 14: compare took 114 s over 500,000 jobs).
CREATE INDEX "nas_job_summaries_created_idx" ON "aiplatform"."nas_job_summaries" ("createTime" DESC, "projectsId", "locationsId", "nasJobsId");
