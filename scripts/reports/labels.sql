-- Job counts and running time per value of the label {{ label }} (jobs without it under NULL).
-- var: label = team
SELECT json_value(labels, '$.{{ label }}') AS labelValue,
       COUNT(*) AS jobs,
       SUM(CASE WHEN state = 'JOB_STATE_RUNNING' THEN 1 ELSE 0 END) AS running,
       SUM(CASE WHEN state = 'JOB_STATE_FAILED' THEN 1 ELSE 0 END) AS failed,
       ROUND(SUM(CASE WHEN startTime IS NULL THEN 0
                      ELSE EXTRACT(EPOCH FROM (COALESCE(endTime, CURRENT_TIMESTAMP) - startTime)) END) / 3600.0, 1) AS runningHours
FROM google.aiplatform.nas_jobs
GROUP BY json_value(labels, '$.{{ label }}')
ORDER BY jobs DESC, labelValue NULLS FIRST;
