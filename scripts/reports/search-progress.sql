-- How each search is progressing: every trial's final metric in trial order, with the running best of the search trials (by MAXIMIZE or MINIMIZE).
-- var: job =
-- var: project =
-- var: max_jobs = 40
-- chart: progress table=off
-- The jobs: the one named by job, or those of project, or all; of these the {{ max_jobs }} created last.
-- Trials in order of their numeric ids; a failed trial (INFEASIBLE: done without a final measurement)
-- has no value and is counted under its chart. A NaN value is shown but not taken as the best (SQL sorts NaN above
-- every number).
WITH probe AS (
  -- nas_jobs' narrow half without the jobs' documents, in creation order, one job more than max_jobs: one walk
  -- of an index that stops there picks the jobs and tells whether max_jobs left some out. The first and third
  -- sort keys make the order an index's: with no project they are constant and the order is V7's creation
  -- index; with a project the first is projectsId and the order is V8's index of the project's jobs by creation.
  -- (The condition on createTime lets H2 choose V8 over the primary key. A job without one, which the API
  -- always sets, is left out, here and in the count below.)
  SELECT projectsId, locationsId, nasJobsId, displayName, createTime
  FROM google.aiplatform.nas_job_summaries
  WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
    AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
    AND startTime IS NOT NULL
    AND createTime > TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'
    -- A max_jobs below 1 stops the report: the failed cast's message says what max_jobs takes.
    AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
             THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
  ORDER BY CASE WHEN '{{ project }}' <> '' THEN projectsId END, createTime DESC,
           CASE WHEN '{{ project }}' = '' THEN projectsId END, locationsId, nasJobsId
  LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT) + 1
),
-- The jobs picked (rn up to max_jobs), and how many the probe found. Where it found more, the matching jobs
-- are counted only within one project, and only up to 10,001 (shown as "more than 10,000"): never over the
-- whole inventory (over 500,000 jobs a count takes seconds).
picked AS (
  SELECT p.*, ROW_NUMBER() OVER (ORDER BY createTime DESC, projectsId, locationsId, nasJobsId) AS rn,
         LEAST(COUNT(*) OVER (), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) OVER () <= {{ max_jobs }} THEN COUNT(*) OVER ()
              WHEN '{{ project }}' <> '' THEN
                (SELECT COUNT(*) FROM (SELECT 1 AS one FROM google.aiplatform.nas_job_summaries
                                       WHERE projectsId = '{{ project }}' AND ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
                                         AND startTime IS NOT NULL
                                         AND createTime > TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'
                                       LIMIT 10001) AS capped)
         END AS jobsMatching
  FROM probe p
)
SELECT j.projectsId, j.locationsId, j.nasJobsId, j.displayName, t.trialType, t.trialId, t.state,
       t.metricId, t.goal, t.metricValue,
       CASE WHEN t.trialType = 'search' THEN
            CASE WHEN t.goal = 'MINIMIZE' THEN MIN(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running ELSE MAX(NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION))) OVER running END
       END AS runningBest,
       t.endTime, j.jobsPicked, j.jobsMatching
-- Every picked job gives a row, one without trials a row without a trial, so that the counts are there.
FROM picked j
LEFT JOIN google.aiplatform.nas_trials t
  ON t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId
WHERE j.rn <= {{ max_jobs }}
WINDOW running AS (PARTITION BY t.projectsId, t.locationsId, t.nasJobsId, t.trialType
                   ORDER BY LENGTH(t.trialId), t.trialId ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY j.projectsId, j.locationsId, j.nasJobsId, t.trialType, LENGTH(t.trialId), t.trialId;
