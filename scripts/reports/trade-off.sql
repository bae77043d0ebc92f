-- Trade-offs between two metrics of each job's trials (e.g. accuracy and latency), with each job's Pareto front.
-- var: job =
-- var: project =
-- var: trials = search
-- var: other_goal =
-- var: max_jobs = 40
-- chart: trade-off table=off
-- The jobs: the one named by job, or those of project, or all; of these the {{ max_jobs }} created last.
-- Trials of one type ({{ trials }}: search or train), so that proxy and full trainings are not mixed.
-- The job's own metric follows its goal. The other metric of a final measurement (the first besides
-- the job's) follows other_goal (MAXIMIZE or MINIMIZE) when given; otherwise it is taken as better higher
-- when its id names a quality or a rate (accuracy, precision, recall, reward, score, throughput, or the
-- words auc, f1, iou, map, psnr, qps, fps, ... per second) and as a cost to keep low otherwise (latency,
-- FLOPs, size, memory). A NaN value counts as no value.
-- A trial is on the front when no other trial of its job is at least as good in both and better in one:
-- it beats the best other metric of the trials strictly better on the job's metric, and no trial as good
-- on the job's metric beats it on the other (so identical trials are on the front together).
WITH picked AS (
  SELECT projectsId, locationsId, nasJobsId, displayName
  -- nas_jobs' narrow half, read in creation order through its index and without the jobs' documents
  FROM google.aiplatform.nas_job_summaries
  WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
    AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
    AND startTime IS NOT NULL
  ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
  LIMIT {{ max_jobs }}
),
-- Whether max_jobs left jobs out, so that the page can say "showing N of M jobs": one job more looked for
-- through the same index, and the matching jobs counted only within one project (its rows, by the primary
-- key), never over the whole inventory (over 500,000 jobs a count takes seconds).
counted AS (
  SELECT LEAST(COUNT(*), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) <= {{ max_jobs }} THEN COUNT(*)
              WHEN '{{ project }}' <> '' THEN
                (SELECT COUNT(*) FROM google.aiplatform.nas_job_summaries
                 WHERE projectsId = '{{ project }}' AND ('{{ job }}' = '' OR nasJobsId = '{{ job }}') AND startTime IS NOT NULL)
         END AS jobsMatching
  FROM (SELECT nasJobsId FROM google.aiplatform.nas_job_summaries
        WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
          AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
          AND startTime IS NOT NULL
        ORDER BY createTime DESC, projectsId, locationsId, nasJobsId
        LIMIT {{ max_jobs }} + 1) AS probe
),
measured AS (
  SELECT t.projectsId, t.locationsId, t.nasJobsId, p.displayName, t.trialType, t.trialId, t.metricId, t.goal, t.metricValue,
         CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
              THEN json_value(t.finalMeasurement, '$.metrics[1].metricId')
              ELSE json_value(t.finalMeasurement, '$.metrics[0].metricId') END AS otherMetricId,
         NULLIF(CAST(CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
                          THEN json_value(t.finalMeasurement, '$.metrics[1].value')
                          ELSE json_value(t.finalMeasurement, '$.metrics[0].value') END AS DOUBLE PRECISION),
                CAST('NaN' AS DOUBLE PRECISION)) AS otherValue
  FROM picked p
  JOIN google.aiplatform.nas_trials t
    ON t.projectsId = p.projectsId AND t.locationsId = p.locationsId AND t.nasJobsId = p.nasJobsId
  WHERE NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION)) IS NOT NULL AND t.trialType = '{{ trials }}'
    -- Another other_goal stops the report: the failed cast's message says what other_goal takes.
    AND CAST(CASE WHEN '{{ other_goal }}' <> '' AND UPPER('{{ other_goal }}') NOT IN ('MAXIMIZE', 'MINIMIZE')
                  THEN 'other_goal is MAXIMIZE or MINIMIZE, not {{ other_goal }}' END AS INTEGER) IS NULL
),
named AS (
  -- The other metric's id as words between spaces: a word like map or f1 is matched whole, not inside another.
  SELECT m.*, ' ' || TRANSLATE(LOWER(m.otherMetricId), '_-./:', '     ') || ' ' AS otherWords
  FROM measured m
),
directed AS (
  SELECT n.*,
         CASE WHEN UPPER('{{ other_goal }}') IN ('MAXIMIZE', 'MINIMIZE') THEN UPPER('{{ other_goal }}')
              WHEN n.otherWords LIKE '%accuracy%' OR n.otherWords LIKE '%precision%' OR n.otherWords LIKE '%recall%'
                OR n.otherWords LIKE '%reward%' OR n.otherWords LIKE '%score%' OR n.otherWords LIKE '%throughput%'
                OR n.otherWords LIKE '% acc %' OR n.otherWords LIKE '% auc %' OR n.otherWords LIKE '% f1 %'
                OR n.otherWords LIKE '% iou %' OR n.otherWords LIKE '% miou %' OR n.otherWords LIKE '% map %'
                OR n.otherWords LIKE '% psnr %' OR n.otherWords LIKE '% ssim %' OR n.otherWords LIKE '% bleu %'
                OR n.otherWords LIKE '% ndcg %' OR n.otherWords LIKE '% qps %' OR n.otherWords LIKE '% fps %'
                OR n.otherWords LIKE '% ips %' OR n.otherWords LIKE '% per sec %' OR n.otherWords LIKE '% per second %'
                OR n.otherWords LIKE '% per s %'
              THEN 'MAXIMIZE' ELSE 'MINIMIZE' END AS otherGoal
  FROM named n
),
scored AS (
  SELECT d.*,
         CASE WHEN d.goal = 'MINIMIZE' THEN -d.metricValue ELSE d.metricValue END AS metricScore,
         CASE WHEN d.otherGoal = 'MAXIMIZE' THEN d.otherValue ELSE -d.otherValue END AS otherScore
  FROM directed d
),
levels AS (
  -- One row per value of the job's metric: the best other metric there.
  SELECT projectsId, locationsId, nasJobsId, otherMetricId, metricScore, MAX(otherScore) AS bestOtherHere
  FROM scored
  WHERE otherScore IS NOT NULL
  GROUP BY projectsId, locationsId, nasJobsId, otherMetricId, metricScore
),
above AS (
  SELECT l.*,
         MAX(l.bestOtherHere) OVER (PARTITION BY l.projectsId, l.locationsId, l.nasJobsId, l.otherMetricId
                                    ORDER BY l.metricScore DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS bestOtherAbove
  FROM levels l
)
SELECT s.projectsId, s.locationsId, s.nasJobsId, s.displayName, s.trialType, s.trialId,
       s.metricId, s.goal, s.metricValue, s.otherMetricId, s.otherGoal, s.otherValue,
       CASE WHEN s.otherValue IS NULL THEN NULL
            WHEN s.otherScore >= a.bestOtherHere AND (a.bestOtherAbove IS NULL OR s.otherScore > a.bestOtherAbove) THEN TRUE
            ELSE FALSE END AS onFront,
       c.jobsPicked, c.jobsMatching
FROM counted c
CROSS JOIN scored s
LEFT JOIN above a
  ON a.projectsId = s.projectsId AND a.locationsId = s.locationsId AND a.nasJobsId = s.nasJobsId
 AND a.otherMetricId = s.otherMetricId AND a.metricScore = s.metricScore
ORDER BY s.projectsId, s.locationsId, s.nasJobsId, LENGTH(s.trialId), s.trialId;
