-- Job counts and running time per value of the label {{ label }} (jobs without it under NULL).
-- var: label = team
-- Read from the label counts (V12), a row per label set and state that sync keeps: json_value runs once per
-- label set, not once per job (over 500,000 jobs that was most of the report). A job's running time is
-- endTime - startTime, or now - startTime while it has not ended: the ended jobs' times are summed already, and
-- the others add their count times now, less the sum of their starts.
SELECT labelValue, jobs, running, failed, runningHours
FROM (SELECT json_value(labels, '$.{{ label }}') AS labelValue,
             SUM(jobs) AS jobs,
             SUM(CASE WHEN state = 'JOB_STATE_RUNNING' THEN jobs ELSE 0 END) AS running,
             SUM(CASE WHEN state = 'JOB_STATE_FAILED' THEN jobs ELSE 0 END) AS failed,
             ROUND((SUM(endedSeconds) + SUM(openJobs) * EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) - SUM(openStartSeconds)) / 3600.0, 1)
                 AS runningHours
      FROM google.aiplatform.nas_job_label_counts
      GROUP BY json_value(labels, '$.{{ label }}')) AS byLabel
ORDER BY jobs DESC, labelValue NULLS FIRST;
