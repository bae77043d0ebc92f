-- How each search is progressing: every trial's final metric in trial order, with the running best of the search trials (by MAXIMIZE or MINIMIZE).
-- var: job =
-- var: project =
-- var: max_jobs = 40
-- chart: progress table=off
-- The jobs: the one named by job, or those of project, or all; of these the {{ max_jobs }} created last.
-- Trials in order of their numeric ids; a failed trial (INFEASIBLE: done without a final measurement)
-- has no value and is counted under its chart. A NaN value is shown but not taken as the best (SQL sorts NaN above
-- every number).
WITH picked AS (
  SELECT projectsId, locationsId, nasJobsId, displayName
  -- nas_jobs' narrow half, read in creation order through its index and without the jobs' documents
  FROM google.aiplatform.nas_job_summaries
  WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
    AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
    AND startTime IS NOT NULL
  ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
  LIMIT {{ max_jobs }}
),
-- Whether max_jobs left jobs out, so that the page can say "showing N of M jobs": one job more looked for
-- through the same index, and the matching jobs counted only within one project (its rows, by the primary
-- key), never over the whole inventory (over 500,000 jobs a count takes seconds).
counted AS (
  SELECT LEAST(COUNT(*), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) <= {{ max_jobs }} THEN COUNT(*)
              WHEN '{{ project }}' <> '' THEN
                (SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries
                 WHERE projectsId = '{{ project }}' AND ('{{ job }}' = '' OR nasJobsId = '{{ job }}') AND startTime IS NOT NULL)
         END AS jobsMatching
  FROM (SELECT nasJobsId FROM google.aiplatform.nas_job_summaries
        WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
          AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
          AND startTime IS NOT NULL
        ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
        LIMIT {{ max_jobs }} + 1) AS probe
)
SELECT t.projectsId, t.locationsId, t.nasJobsId, j.displayName, t.trialType, t.trialId, t.state,
       t.metricId, t.goal, t.metricValue,
       CASE WHEN t.trialType = 'search' THEN
            CASE WHEN t.goal = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running ELSE MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running END
       END AS runningBest,
       t.endTime, c.jobsPicked, c.jobsMatching
FROM counted c
CROSS JOIN picked j
JOIN google.aiplatform.nas_trials t
  ON t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId
WINDOW running AS (PARTITION BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType
                   ORDER BY LENGTH(t.trialId), t.trialId ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType, LENGTH(t.trialId), t.trialId;
