-- State changes seen over the last {{ days }} days, per day and new state.
-- var: days = 7
-- chart: stacked-bar x=observedOn series=toState value=changes
-- Counted per moment and new state first, from V11's index of events by (observedAt, toState) alone, and per day only
-- then: a sync's events share their moment, so the day is worked out once per sync, not once per event (over
-- 500,000 events that was half the report).
SELECT observedOn, toState, SUM(changes) AS changes
FROM (SELECT CAST(observedAt AS DATE) AS observedOn, toState, changes
      FROM (SELECT observedAt, toState, COUNT(*) AS changes
            FROM google.aiplatform.nas_job_events
            WHERE observedAt >= CURRENT_TIMESTAMP - CAST({{ days }} AS INT) * INTERVAL '1' DAY
            GROUP BY observedAt, toState) AS byMoment) AS byDay
GROUP BY observedOn, toState
ORDER BY observedOn, toState;
