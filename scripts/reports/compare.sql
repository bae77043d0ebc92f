-- Several jobs side by side: the best metric, trials, failed-trial share and running time of each.
-- var: jobs =
-- var: label =
-- var: max_jobs = 100
-- chart: compare
-- Jobs by id (jobs=a,b,c), by a label (label=team:vision), or all; of these the {{ max_jobs }} created last.
-- The best value is over search and train trials, as best-trials has it; trials and the failed share count
-- search trials, a failed one being INFEASIBLE (done without a final measurement). Running time is until
-- now for a job still running. A NaN value is never the best (SQL sorts NaN above every number).
WITH counted AS (
  -- Whether max_jobs left jobs out, so that the page can say so: one job more looked for through the same
  -- index. The matching jobs are not counted: by ids or a label that would read every job of the inventory.
  SELECT LEAST(COUNT(*), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) <= {{ max_jobs }} THEN COUNT(*) END AS jobsMatching
  FROM (SELECT nasJobsId FROM google.aiplatform.nas_job_summaries
        WHERE ('{{ jobs }}' = '' OR ',' || REPLACE('{{ jobs }}', ' ', '') || ',' LIKE '%,' || nasJobsId || ',%')
          -- A label without KEY: stops the report: the failed cast's message says what label takes.
          AND CAST(CASE WHEN '{{ label }}' <> '' AND POSITION(':' IN '{{ label }}') < 2
                        THEN 'label is KEY:VALUE, as in team:vision, not {{ label }}' END AS INTEGER) IS NULL
          -- The key quoted in the path, as a key may hold '-' (cost-center).
          AND ('{{ label }}' = ''
               OR json_value(labels, '$."' || SUBSTRING('{{ label }}' FROM 1 FOR GREATEST(POSITION(':' IN '{{ label }}') - 1, 0)) || '"')
                  = SUBSTRING('{{ label }}' FROM POSITION(':' IN '{{ label }}') + 1))
          AND startTime IS NOT NULL
        ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
        LIMIT {{ max_jobs }} + 1) AS probe
)
SELECT j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state,
       MAX(t.metricId) AS metricId, MAX(t.goal) AS goal,
       CASE WHEN MAX(t.goal) = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) ELSE MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) END AS bestValue,
       SUM(CASE WHEN t.trialType = 'search' THEN 1 ELSE 0 END) AS trials,
       SUM(CASE WHEN t.trialType = 'search' AND t.state = 'INFEASIBLE' THEN 1 ELSE 0 END) AS failedTrials,
       ROUND(100.0 * SUM(CASE WHEN t.trialType = 'search' AND t.state = 'INFEASIBLE' THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN t.trialType = 'search' THEN 1 ELSE 0 END), 0), 1) AS failedPercent,
       CAST(EXTRACT(EPOCH FROM (COALESCE(j.endTime, CURRENT_TIMESTAMP) - j.startTime)) / 3600 AS NUMERIC(12, 1)) AS runningHours,
       c.jobsPicked, c.jobsMatching
FROM counted c
CROSS JOIN (SELECT projectsId, locationsId, nasJobsId, displayName, state, startTime, endTime, createTime
      -- nas_jobs' narrow half, read in creation order through its index and without the jobs' documents
      FROM google.aiplatform.nas_job_summaries
      WHERE ('{{ jobs }}' = '' OR ',' || REPLACE('{{ jobs }}', ' ', '') || ',' LIKE '%,' || nasJobsId || ',%')
        -- A label without KEY: stops the report: the failed cast's message says what label takes.
        AND CAST(CASE WHEN '{{ label }}' <> '' AND POSITION(':' IN '{{ label }}') < 2
                      THEN 'label is KEY:VALUE, as in team:vision, not {{ label }}' END AS INTEGER) IS NULL
        -- The key quoted in the path, as a key may hold '-' (cost-center).
        AND ('{{ label }}' = ''
             OR json_value(labels, '$."' || SUBSTRING('{{ label }}' FROM 1 FOR GREATEST(POSITION(':' IN '{{ label }}') - 1, 0)) || '"')
                = SUBSTRING('{{ label }}' FROM POSITION(':' IN '{{ label }}') + 1))
        AND startTime IS NOT NULL
      ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
      LIMIT {{ max_jobs }}) AS j
JOIN google.aiplatform.nas_trials t
  ON t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId
GROUP BY j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state, j.startTime, j.endTime, c.jobsPicked, c.jobsMatching
ORDER BY metricId, goal, CASE WHEN MAX(t.goal) = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) ELSE -MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) END NULLS LAST,
         j.projectsId, j.locationsId, j.nasJobsId;
