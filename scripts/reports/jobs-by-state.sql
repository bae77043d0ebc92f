-- Jobs by state per project and location: how much is running, queued, done and failed where.
-- chart: stacked-bar x=projectsId series=state value=jobs
SELECT projectsId, locationsId, state, COUNT(*) AS jobs
FROM google.aiplatform.nas_jobs
GROUP BY projectsId, locationsId, state
ORDER BY projectsId, locationsId, state;
