-- The best trial of each job by the job's metric, the highest for MAXIMIZE and the lowest for MINIMIZE.
SELECT projectsId, locationsId, nasJobsId, displayName, metricId, goal, trialType, trialId, metricValue
FROM (
  SELECT t.projectsId, t.locationsId, t.nasJobsId, j.displayName, t.metricId, t.goal, t.trialType, t.trialId, t.metricValue,
         ROW_NUMBER() OVER (
           PARTITION BY t.projectsId, t.locationsId, t.nasJobsId
           ORDER BY CASE WHEN t.goal = 'MINIMIZE' THEN t.metricValue ELSE -t.metricValue END, t.trialType, t.trialId
         ) AS place
  FROM google.aiplatform.nas_trials t
  JOIN google.aiplatform.nas_jobs j
    ON j.projectsId = t.projectsId AND j.locationsId = t.locationsId AND j.nasJobsId = t.nasJobsId
  WHERE t.metricValue IS NOT NULL
) AS ranked
WHERE place = 1
ORDER BY projectsId, locationsId, nasJobsId;
