-- Sync freshness per scope: FAILED, DENIED and DISABLED scopes first, then the stalest; regions without NAS (UNSUPPORTED) last.
SELECT projectsId, locationsId, status, lastSuccessAt, lastAttemptAt,
       CAST(FLOOR(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - lastSuccessAt)) / 60) AS BIGINT) AS minutesSinceSuccess,
       jobCount, errorMessage
FROM google.aiplatform.sync_scopes
ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'DENIED' THEN 1 WHEN 'DISABLED' THEN 1 WHEN 'UNSUPPORTED' THEN 3 ELSE 2 END,
         lastSuccessAt NULLS FIRST, projectsId, locationsId;
