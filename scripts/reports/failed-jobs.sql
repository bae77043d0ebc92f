-- Failed and cancelled jobs with their error messages, newest first.
SELECT projectsId, locationsId, nasJobsId, displayName, state, endTime,
       json_value(error, '$.code') AS errorCode,
       json_value(error, '$.message') AS errorMessage
FROM google.aiplatform.nas_jobs
WHERE state IN ('JOB_STATE_FAILED', 'JOB_STATE_CANCELLED')
ORDER BY endTime DESC NULLS LAST, projectsId, locationsId, nasJobsId;
