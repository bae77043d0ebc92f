-- State changes seen over the last {{ days }} days, per day and new state.
-- var: days = 7
-- chart: stacked-bar x=observedOn series=toState value=changes
SELECT CAST(observedAt AS DATE) AS observedOn, toState, COUNT(*) AS changes
FROM google.aiplatform.nas_job_events
WHERE observedAt >= CURRENT_TIMESTAMP - CAST({{ days }} AS INT) * INTERVAL '1' DAY
GROUP BY CAST(observedAt AS DATE), toState
ORDER BY observedOn, toState;
