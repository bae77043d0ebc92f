-- How each search is progressing: every trial's final metric in trial order, with the running best of the search trials (by MAXIMIZE or MINIMIZE).
-- var: job =
-- var: project =
-- var: max_jobs = 40
-- chart: progress table=off
-- The jobs: the one named by job, or those of project, or all; of these the {{ max_jobs }} created last.
-- Trials in order of their numeric ids; a failed trial (INFEASIBLE: done without a final measurement)
-- has no value and is counted under its chart. A NaN value is shown but not taken as the best (SQL sorts NaN above
-- every number).
SELECT t.projectsId, t.locationsId, t.nasJobsId, j.displayName, t.trialType, t.trialId, t.state,
       t.metricId, t.goal, t.metricValue,
       CASE WHEN t.trialType = 'search' THEN
            CASE WHEN t.goal = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running ELSE MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running END
       END AS runningBest,
       t.endTime
FROM (SELECT projectsId, locationsId, nasJobsId, displayName
      -- nas_jobs' narrow half, read in creation order through its index and without the jobs' documents
      FROM google.aiplatform.nas_job_summaries
      WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
        AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
        AND startTime IS NOT NULL
      ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
      LIMIT {{ max_jobs }}) AS j
JOIN google.aiplatform.nas_trials t
  ON t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId
WINDOW running AS (PARTITION BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType
                   ORDER BY LENGTH(t.trialId), t.trialId ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType, LENGTH(t.trialId), t.trialId;
