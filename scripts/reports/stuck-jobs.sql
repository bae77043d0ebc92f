-- Jobs queued, pending or running for longer than {{ hours }} hours: running ones since they started, the others since they were created.
-- var: hours = 24
SELECT projectsId, locationsId, nasJobsId, displayName, state, since,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - since)) / 3600) AS BIGINT) AS hours
FROM (
  SELECT projectsId, locationsId, nasJobsId, displayName, state,
         CASE WHEN state = 'JOB_STATE_RUNNING' THEN COALESCE(startTime, createTime) ELSE createTime END AS since
  FROM google.aiplatform.nas_jobs
  WHERE state IN ('JOB_STATE_QUEUED', 'JOB_STATE_PENDING', 'JOB_STATE_RUNNING')
) AS unfinished
WHERE since < CURRENT_TIMESTAMP - CAST({{ hours }} AS INT) * INTERVAL '1' HOUR
ORDER BY since, projectsId, locationsId, nasJobsId;
