-- Jobs queued, pending or running for longer than {{ hours }} hours: running ones since they started, the others since they were created.
-- var: hours = 24
-- var: max_jobs = 1000
-- count: SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_PENDING', 'JOB_STATE_RUNNING') AND CASE WHEN state = 'JOB_STATE_RUNNING' THEN COALESCE(startTime, createTime) ELSE createTime END < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
-- The {{ max_jobs }} stuck longest, picked before their hours are computed; the count line above counts them all
-- from V11's index of unfinished jobs, for the notice (on stderr, or the page's Jobs line) of how many there are.
SELECT projectsId, locationsId, nasJobsId, displayName, state, since,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - since)) / 3600) AS BIGINT) AS hours
FROM (
  SELECT projectsId, locationsId, nasJobsId, displayName, state,
         CASE WHEN state = 'JOB_STATE_RUNNING' THEN COALESCE(startTime, createTime) ELSE createTime END AS since
  FROM google.aiplatform.nas_job_summaries
  WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_PENDING', 'JOB_STATE_RUNNING')
    AND CASE WHEN state = 'JOB_STATE_RUNNING' THEN COALESCE(startTime, createTime) ELSE createTime END
        < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
    -- A max_jobs below 1 stops the report: the failed cast's message says what max_jobs takes.
    AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
             THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
  ORDER BY since, projectsId, locationsId, nasJobsId
  LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)
) AS unfinished
ORDER BY since, projectsId, locationsId, nasJobsId;
