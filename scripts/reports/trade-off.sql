-- Trade-offs between two metrics of each job's trials (e.g. accuracy and latency), with each job's Pareto front.
-- var: job =
-- var: project =
-- var: trials = search
-- var: max_jobs = 40
-- chart: trade-off table=off
-- The jobs: the one named by job, or those of project, or all; of these the {{ max_jobs }} created last.
-- Trials of one type ({{ trials }}: search or train), so that proxy and full trainings are not mixed.
-- The job's own metric follows its goal. The other metric of a final measurement (the first besides
-- the job's) is taken as better higher when its id names a quality (accuracy, precision, recall, auc,
-- f1, iou, map, reward, score), and as a cost to keep low otherwise (latency, FLOPs, size, memory).
-- A trial is on the front when no other trial of its job is at least as good in both and better in one:
-- in order of the job's metric, best first, it beats every trial before it on the other metric.
WITH picked AS (
  SELECT projectsId, locationsId, nasJobsId, displayName
  FROM google.aiplatform.nas_jobs
  WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
    AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
    AND startTime IS NOT NULL
  ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
  LIMIT {{ max_jobs }}
),
measured AS (
  SELECT t.projectsId, t.locationsId, t.nasJobsId, p.displayName, t.trialType, t.trialId, t.metricId, t.goal, t.metricValue,
         CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
              THEN json_value(t.finalMeasurement, '$.metrics[1].metricId')
              ELSE json_value(t.finalMeasurement, '$.metrics[0].metricId') END AS otherMetricId,
         CAST(CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
                   THEN json_value(t.finalMeasurement, '$.metrics[1].value')
                   ELSE json_value(t.finalMeasurement, '$.metrics[0].value') END AS DOUBLE PRECISION) AS otherValue
  FROM picked p
  JOIN google.aiplatform.nas_trials t
    ON t.projectsId = p.projectsId AND t.locationsId = p.locationsId AND t.nasJobsId = p.nasJobsId
  WHERE t.metricValue IS NOT NULL AND t.trialType = '{{ trials }}'
),
directed AS (
  SELECT m.*,
         CASE WHEN LOWER(m.otherMetricId) LIKE '%accuracy%' OR LOWER(m.otherMetricId) LIKE '%precision%'
                OR LOWER(m.otherMetricId) LIKE '%recall%' OR LOWER(m.otherMetricId) LIKE '%auc%'
                OR LOWER(m.otherMetricId) LIKE '%f1%' OR LOWER(m.otherMetricId) LIKE '%iou%'
                OR LOWER(m.otherMetricId) LIKE '%map%' OR LOWER(m.otherMetricId) LIKE '%reward%'
                OR LOWER(m.otherMetricId) LIKE '%score%'
              THEN 'MAXIMIZE' ELSE 'MINIMIZE' END AS otherGoal
  FROM measured m
),
scored AS (
  SELECT d.*,
         CASE WHEN d.goal = 'MINIMIZE' THEN -d.metricValue ELSE d.metricValue END AS metricScore,
         CASE WHEN d.otherGoal = 'MAXIMIZE' THEN d.otherValue ELSE -d.otherValue END AS otherScore
  FROM directed d
),
ranked AS (
  SELECT s.*,
         MAX(s.otherScore) OVER (PARTITION BY s.projectsId, s.locationsId, s.nasJobsId, s.otherMetricId
                                 ORDER BY s.metricScore DESC, s.otherScore DESC
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS bestOtherBefore
  FROM scored s
)
SELECT r.projectsId, r.locationsId, r.nasJobsId, r.displayName, r.trialType, r.trialId,
       r.metricId, r.goal, r.metricValue, r.otherMetricId, r.otherGoal, r.otherValue,
       CASE WHEN r.otherValue IS NULL THEN NULL
            WHEN r.bestOtherBefore IS NULL OR r.otherScore > r.bestOtherBefore THEN TRUE
            ELSE FALSE END AS onFront
FROM ranked r
ORDER BY r.projectsId, r.locationsId, r.nasJobsId, LENGTH(r.trialId), r.trialId;
