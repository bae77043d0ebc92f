-- The best trial of each job by the job's metric, the highest for MAXIMIZE and the lowest for MINIMIZE.
SELECT t.projectsId, t.locationsId, t.nasJobsId, j.displayName, t.metricId, t.goal, t.trialType, t.trialId, t.metricValue
FROM google.aiplatform.nas_trials t
JOIN google.aiplatform.nas_jobs j
  ON j.projectsId = t.projectsId AND j.locationsId = t.locationsId AND j.nasJobsId = t.nasJobsId
WHERE t.best
ORDER BY t.projectsId, t.locationsId, t.nasJobsId;
