-- The age of each job's trial data: when GetNasJob last read its output (the listing has none), running jobs first, stalest first.
-- var: max_jobs = 1000
-- count: SELECT COUNT(*) FROM google.aiplatform.nas_jobs
-- The first {{ max_jobs }} jobs are picked first and their trials counted after, so that the report's cost does not grow
-- with the inventory (a count of trials for every one of 500,000 jobs took 8 s); the count line above counts all jobs (from V10's counts),
-- for the notice (on stderr, or the page's Jobs line) of how many there are. The running jobs come from V11's index
-- by state (sorted there: few run at a time), the others from its index by sync, read in order until max_jobs are found.
SELECT j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state, j.syncedAt AS trialsReadAt,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - j.syncedAt)) / 60) AS BIGINT) AS trialDataAgeMinutes,
       (SELECT COUNT(*) FROM google.aiplatform.nas_trials t
        WHERE t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId) AS trials
FROM ((SELECT projectsId, locationsId, nasJobsId, displayName, state, syncedAt, 0 AS notRunning
       FROM google.aiplatform.nas_job_summaries
       WHERE state = 'JOB_STATE_RUNNING'
         -- A max_jobs below 1 stops the report: the failed cast's message says what max_jobs takes.
         AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
                  THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
       ORDER BY syncedAt, projectsId, locationsId, nasJobsId
       LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT))
      UNION ALL
      (SELECT projectsId, locationsId, nasJobsId, displayName, state, syncedAt, 1 AS notRunning
       FROM google.aiplatform.nas_job_summaries
       WHERE state <> 'JOB_STATE_RUNNING'
       ORDER BY syncedAt, projectsId, locationsId, nasJobsId
       LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT))
      ORDER BY notRunning, syncedAt, projectsId, locationsId, nasJobsId
      LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT)) AS j
ORDER BY j.notRunning, j.syncedAt, j.projectsId, j.locationsId, j.nasJobsId;
