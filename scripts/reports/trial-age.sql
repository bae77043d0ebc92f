-- The age of each job's trial data: when GetNasJob last read its output (the listing has none), running jobs first, stalest first.
SELECT j.projectsId, j.locationsId, j.nasJobsId, j.displayName, j.state, j.syncedAt AS trialsReadAt,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - j.syncedAt)) / 60) AS BIGINT) AS trialDataAgeMinutes,
       (SELECT COUNT(*) FROM google.aiplatform.nas_trials t
        WHERE t.projectsId = j.projectsId AND t.locationsId = j.locationsId AND t.nasJobsId = j.nasJobsId) AS trials
FROM google.aiplatform.nas_jobs j
ORDER BY CASE j.state WHEN 'JOB_STATE_RUNNING' THEN 0 ELSE 1 END, j.syncedAt, j.projectsId, j.locationsId, j.nasJobsId;
