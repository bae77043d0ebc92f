-- Job counts and running time per value of the label {{ label }} (jobs without it under NULL).
-- var: label = team
-- Read from the label counts (V12), a row per scope and label set that sync keeps, added up by label set first:
-- json_value runs once per label set, not once per job (over 500,000 jobs that was most of the report). A job's
-- running time is endTime - startTime, or now - startTime while it has not ended: the ended jobs' times are
-- summed already, and the others add their count times now, less the sum of their starts.
SELECT labelValue, jobs, running, failed, runningHours
FROM (SELECT json_value(labels, '$.{{ label }}') AS labelValue,
             SUM(jobs) AS jobs, SUM(running) AS running, SUM(failed) AS failed,
             ROUND((SUM(endedSeconds) + SUM(openJobs) * CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) AS NUMERIC(20, 6))
                    - SUM(openStartSeconds)) / 3600.0, 1)
                 AS runningHours
      FROM (SELECT labels, SUM(jobs) AS jobs, SUM(runningJobs) AS running, SUM(failedJobs) AS failed, SUM(openJobs) AS openJobs,
                   SUM(openStartSeconds) AS openStartSeconds, SUM(endedSeconds) AS endedSeconds
            FROM google.aiplatform.nas_job_label_counts
            GROUP BY labels) AS byLabels
      GROUP BY json_value(labels, '$.{{ label }}')) AS byLabel
ORDER BY jobs DESC, labelValue NULLS FIRST;
