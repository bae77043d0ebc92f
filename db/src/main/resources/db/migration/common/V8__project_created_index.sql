-- The reports that pick "the N jobs created last" of one --var project (search-progress, trade-off) read
-- this index from the project's newest job and stop after N, and count its jobs up to a cap here, instead of
-- reading all of the project's rows by the primary key (issue 18's audit: 3 scans of 500,001 rows).
CREATE INDEX "nas_job_summaries_project_created_idx" ON "aiplatform"."nas_job_summaries" ("projectsId", "createTime" DESC, "locationsId", "nasJobsId");
