-- Several jobs side by side: the best metric, trials, failed-trial share and running time of each.
-- var: jobs =
-- var: label =
-- var: max_jobs = 100
-- chart: compare
-- Jobs by id (jobs=a,b,c), by a label (label=team:vision), or all; of these the {{ max_jobs }} created last.
-- The best value is over search and train trials, as best-trials has it; trials and the failed share count
-- search trials, a failed one being INFEASIBLE (done without a final measurement). Running time is until
-- now for a job still running. A NaN value is never the best (SQL sorts NaN above every number).
WITH probe AS (
  -- nas_jobs' narrow half without the jobs' documents, read in creation order through V7's index, one job more
  -- than max_jobs: one walk picks the jobs and tells whether max_jobs left some out. (The condition on
  -- createTime makes the index H2's choice; a job without one, which the API always sets, is left out.) The
  -- matching jobs are not counted: by ids or a label that would read every job of the inventory.
  SELECT projectsId, locationsId, nasJobsId, displayName, state, startTime, endTime, createTime
  FROM google.aiplatform.nas_job_summaries
  WHERE ('{{ jobs }}' = '' OR ',' || REPLACE('{{ jobs }}', ' ', '') || ',' LIKE '%,' || nasJobsId || ',%')
    -- A label without KEY: or a max_jobs below 1 stops the report: the failed cast's message says what they take.
    AND CAST(CASE WHEN '{{ label }}' <> '' AND POSITION(':' IN '{{ label }}') < 2
                  THEN 'label is KEY:VALUE, as in team:vision, not {{ label }}' END AS INTEGER) IS NULL
    AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
             THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
    -- The key quoted in the path, as a key may hold '-' (cost-center).
    AND ('{{ label }}' = ''
         OR json_value(labels, '$."' || SUBSTRING('{{ label }}' FROM 1 FOR GREATEST(POSITION(':' IN '{{ label }}') - 1, 0)) || '"')
            = SUBSTRING('{{ label }}' FROM POSITION(':' IN '{{ label }}') + 1))
    AND startTime IS NOT NULL
    AND createTime > TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'
  ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
  LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT) + 1
),
picked AS (
  SELECT p.*, ROW_NUMBER() OVER (ORDER BY createTime DESC, projectsId, locationsId, nasJobsId) AS rn,
         LEAST(COUNT(*) OVER (), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) OVER () <= {{ max_jobs }} THEN COUNT(*) OVER () END AS jobsMatching
  FROM probe p
)
SELECT j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state,
       MAX(t.metricId) AS metricId, MAX(t.goal) AS goal,
       CASE WHEN MAX(t.goal) = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) ELSE MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) END AS bestValue,
       SUM(CASE WHEN t.trialType = 'search' THEN 1 ELSE 0 END) AS trials,
       SUM(CASE WHEN t.trialType = 'search' AND t.state = 'INFEASIBLE' THEN 1 ELSE 0 END) AS failedTrials,
       ROUND(100.0 * SUM(CASE WHEN t.trialType = 'search' AND t.state = 'INFEASIBLE' THEN 1 ELSE 0 END)
             / NULLIF(SUM(CASE WHEN t.trialType = 'search' THEN 1 ELSE 0 END), 0), 1) AS failedPercent,
       CAST(EXTRACT(EPOCH FROM (COALESCE(j.endTime, CURRENT_TIMESTAMP) - j.startTime)) / 3600 AS NUMERIC(12, 1)) AS runningHours,
       j.jobsPicked, j.jobsMatching
-- Every picked job gives a row, one without trials a row without a metric, so that the counts are there.
FROM picked j
LEFT JOIN google.aiplatform.nas_trials t
  ON t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId
WHERE j.rn <= {{ max_jobs }}
GROUP BY j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state, j.startTime, j.endTime, j.jobsPicked, j.jobsMatching
ORDER BY metricId, goal, CASE WHEN MAX(t.goal) = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) ELSE -MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) END NULLS LAST,
         j.projectsId, j.locationsId, j.nasJobsId;
