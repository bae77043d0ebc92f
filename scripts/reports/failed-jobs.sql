-- Failed and cancelled jobs with their error messages, newest first.
-- var: max_jobs = 1000
-- count: SELECT COUNT(*) FROM google.aiplatform.nas_jobs WHERE state IN ('JOB_STATE_FAILED', 'JOB_STATE_CANCELLED')
-- The newest {{ max_jobs }} of each state are read from V6's index by state and end (backwards, in its order: so H2
-- stops there; WITH TIES keeps every job ending with the last, so that the order's later keys pick as they would
-- over all jobs), then the newest {{ max_jobs }} of both, and only their errors are decoded. The count line above counts
-- them all (from V10's counts per scope and state), for the notice (on stderr, or the page's Jobs line) of how many.
SELECT projectsId, locationsId, nasJobsId, displayName, state, endTime,
       json_value(error, '$.code') AS errorCode,
       json_value(error, '$.message') AS errorMessage
FROM ((SELECT projectsId, locationsId, nasJobsId, displayName, state, endTime, error
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_FAILED'
         -- A max_jobs below 1 stops the report: the failed cast's message says what max_jobs takes.
         AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
                  THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
       ORDER BY state DESC, endTime DESC NULLS LAST
       FETCH FIRST (CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)) ROWS WITH TIES)
      UNION ALL
      (SELECT projectsId, locationsId, nasJobsId, displayName, state, endTime, error
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_CANCELLED'
       ORDER BY state DESC, endTime DESC NULLS LAST
       FETCH FIRST (CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)) ROWS WITH TIES)
      ORDER BY endTime DESC NULLS LAST, projectsId, locationsId, nasJobsId
      LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)) AS newest
ORDER BY endTime DESC NULLS LAST, projectsId, locationsId, nasJobsId;
