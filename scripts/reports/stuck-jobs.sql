-- Jobs queued, pending or running for longer than {{ hours }} hours: running ones since they started, the others since they were created.
-- var: hours = 24
-- var: max_jobs = 1000
-- count: SELECT (SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries WHERE state = 'JOB_STATE_QUEUED' AND createTime < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR) + (SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries WHERE state = 'JOB_STATE_PENDING' AND createTime < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR) + (SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries WHERE state = 'JOB_STATE_RUNNING' AND COALESCE(startTime, createTime) < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR)
-- The {{ max_jobs }} stuck longest, from V11's index of jobs by state and creation alone: the queued and the pending
-- ones each read in creation order until max_jobs are found (state leads their ORDER BY, as it leads the index: so H2
-- reads the index in order and stops), the running ones sorted by their start. The count line
-- above counts them all, a state at a time so that the creation bound is the index's, for the notice (on stderr, or
-- the page's Jobs line) of how many there are.
SELECT projectsId, locationsId, nasJobsId, displayName, state, since,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - since)) / 3600) AS BIGINT) AS hours
FROM ((SELECT projectsId, locationsId, nasJobsId, displayName, state, createTime AS since
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_QUEUED' AND createTime < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
         -- A max_jobs below 1 stops the report: the failed cast's message says what max_jobs takes.
         AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
                  THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
       ORDER BY state, createTime, projectsId, locationsId, nasJobsId
       LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT))
      UNION ALL
      (SELECT projectsId, locationsId, nasJobsId, displayName, state, createTime AS since
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_PENDING' AND createTime < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
       ORDER BY state, createTime, projectsId, locationsId, nasJobsId
       LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT))
      UNION ALL
      (SELECT projectsId, locationsId, nasJobsId, displayName, state, COALESCE(startTime, createTime) AS since
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_RUNNING' AND COALESCE(startTime, createTime) < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
       ORDER BY since, projectsId, locationsId, nasJobsId
       LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT))
      ORDER BY since, projectsId, locationsId, nasJobsId
      LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)) AS unfinished
ORDER BY since, projectsId, locationsId, nasJobsId;
