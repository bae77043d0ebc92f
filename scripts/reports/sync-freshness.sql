-- Sync freshness per scope: FAILED and DENIED scopes first, then the stalest.
SELECT projectsId, locationsId, status, lastSuccessAt, lastAttemptAt,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - lastSuccessAt)) / 60) AS BIGINT) AS minutesSinceSuccess,
       jobCount, errorMessage
FROM google.aiplatform.sync_scopes
ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'DENIED' THEN 1 ELSE 2 END,
         lastSuccessAt NULLS FIRST, projectsId, locationsId;
