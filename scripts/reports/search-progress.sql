-- How each search is progressing: every trial's final metric in trial order, with the running best of the search trials (by MAXIMIZE or MINIMIZE).
-- var: job =
-- var: project =
-- chart: progress table=off
-- Without job and project, every job with trials. Trials in order of their numeric ids; a failed
-- trial (INFEASIBLE: done without a final measurement) has no value and is counted under its chart.
SELECT t.projectsId, t.locationsId, t.nasJobsId, j.displayName, t.trialType, t.trialId, t.state,
       t.metricId, t.goal, t.metricValue,
       CASE WHEN t.trialType = 'search' THEN
            CASE WHEN t.goal = 'MINIMIZE' THEN MIN(t.metricValue) OVER running ELSE MAX(t.metricValue) OVER running END
       END AS runningBest,
       t.endTime
FROM google.aiplatform.nas_trials t
JOIN google.aiplatform.nas_jobs j
  ON j.projectsId = t.projectsId AND j.locationsId = t.locationsId AND j.nasJobsId = t.nasJobsId
WHERE ('{{ job }}' = '' OR t.nasJobsId = '{{ job }}')
  AND ('{{ project }}' = '' OR t.projectsId = '{{ project }}')
WINDOW running AS (PARTITION BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType
                   ORDER BY LENGTH(t.trialId), t.trialId ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType, LENGTH(t.trialId), t.trialId;
