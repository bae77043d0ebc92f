-- Job counts and running time per value of the label {{ label }} (jobs without it under NULL).
-- var: label = team
-- Grouped in a derived table and ordered outside it: with the ORDER BY beside the GROUP BY, H2 scanned the
-- table instead of the labels index; the running time is summed as intervals and converted once per group
-- (a conversion per job cost a third of the report over 500,000 jobs).
SELECT labelValue, jobs, running, failed, runningHours
FROM (SELECT json_value(labels, '$.{{ label }}') AS labelValue,
             COUNT(*) AS jobs,
             SUM(CASE WHEN state = 'JOB_STATE_RUNNING' THEN 1 ELSE 0 END) AS running,
             SUM(CASE WHEN state = 'JOB_STATE_FAILED' THEN 1 ELSE 0 END) AS failed,
             ROUND(COALESCE(EXTRACT(EPOCH FROM SUM(COALESCE(endTime, CURRENT_TIMESTAMP) - startTime)), 0) / 3600.0, 1)
                 AS runningHours
      FROM google.aiplatform.nas_jobs
      GROUP BY json_value(labels, '$.{{ label }}')) AS byLabel
ORDER BY jobs DESC, labelValue NULLS FIRST;
