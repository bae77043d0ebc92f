-- Grouping by the job's metric (json_value(nasJobSpec, '$...metric.metricId'), which nasql routes to the promoted
-- column) read the metric of every one of 500,000 rows: 1.45 s above SELECT 1. With this index H2 reads the
-- index alone: 0.39 s (issue 14's target: 0.6 s).
CREATE INDEX "nas_job_summaries_metric_idx" ON "aiplatform"."nas_job_summaries" ("metricId", "goal");
