-- Job counts and running time per value of the label {{ label }} (jobs without it under NULL).
-- var: label = team
-- Grouped by the whole labels document first, in V6's labels index, and by the label's value only then: the jobs
-- share a few label sets, so json_value runs once per set, not once per job (over 500,000 jobs that was most of
-- the report). Ordered outside the groups: with the ORDER BY beside the GROUP BY, H2 scanned the table instead of
-- the labels index. The running time is summed as intervals and converted once per group.
SELECT labelValue, jobs, running, failed, runningHours
FROM (SELECT json_value(labels, '$.{{ label }}') AS labelValue,
             SUM(jobs) AS jobs, SUM(running) AS running, SUM(failed) AS failed,
             ROUND(COALESCE(EXTRACT(EPOCH FROM SUM(runningTime)), 0) / 3600.0, 1) AS runningHours
      FROM (SELECT labels, COUNT(*) AS jobs,
                   SUM(CASE WHEN state = 'JOB_STATE_RUNNING' THEN 1 ELSE 0 END) AS running,
                   SUM(CASE WHEN state = 'JOB_STATE_FAILED' THEN 1 ELSE 0 END) AS failed,
                   SUM(COALESCE(endTime, CURRENT_TIMESTAMP) - startTime) AS runningTime
            FROM google.aiplatform.nas_job_summaries
            GROUP BY labels) AS byLabels
      GROUP BY json_value(labels, '$.{{ label }}')) AS byLabel
ORDER BY jobs DESC, labelValue NULLS FIRST;
