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
WITH probe AS (
  -- nas_jobs' narrow half without the jobs' documents, in creation order, one job more than max_jobs: one walk
  -- of an index that stops there picks the jobs and tells whether max_jobs left some out. The first and third
  -- sort keys make the order an index's: with no project they are constant and the order is V7's creation
  -- index; with a project the first is projectsId and the order is V8's index of the project's jobs by creation.
  -- (The condition on createTime lets H2 choose V8 over the primary key. A job without one, which the API
  -- always sets, is left out, here and in the count below.)
  SELECT projectsId, locationsId, nasJobsId, displayName, createTime
  FROM google.aiplatform.nas_job_summaries
  WHERE ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
    AND ('{{ project }}' = '' OR projectsId = '{{ project }}')
    AND startTime IS NOT NULL
    AND createTime > TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'
    -- A max_jobs below 1 or another other_goal stops the report: the failed cast's message says what they take.
    AND CAST(CASE WHEN {{ max_jobs }} IS NULL OR {{ max_jobs }} < 1 OR {{ max_jobs }} > 2147483647 OR {{ max_jobs }} <> FLOOR({{ max_jobs }})
             THEN 'max_jobs is a whole number from 1 to 2147483647, not {{ max_jobs }}' END AS INTEGER) IS NULL
    AND CAST(CASE WHEN '{{ other_goal }}' <> '' AND UPPER('{{ other_goal }}') NOT IN ('MAXIMIZE', 'MINIMIZE')
                  THEN 'other_goal is MAXIMIZE or MINIMIZE, not {{ other_goal }}' END AS INTEGER) IS NULL
  ORDER BY CASE WHEN '{{ project }}' <> '' THEN projectsId END, createTime DESC,
           CASE WHEN '{{ project }}' = '' THEN projectsId END, locationsId, nasJobsId
  LIMIT CAST(GREATEST(LEAST({{ max_jobs }}, 2147483647), 0) AS BIGINT) + 1
),
-- The jobs picked (rn up to max_jobs), and how many the probe found. Where it found more, the matching jobs
-- are counted only within one project, and only up to 10,001 (shown as "more than 10,000"): never over the
-- whole inventory (over 500,000 jobs a count takes seconds).
picked AS (
  SELECT p.*, ROW_NUMBER() OVER (ORDER BY createTime DESC, projectsId, locationsId, nasJobsId) AS rn,
         LEAST(COUNT(*) OVER (), {{ max_jobs }}) AS jobsPicked,
         CASE WHEN COUNT(*) OVER () <= {{ max_jobs }} THEN COUNT(*) OVER ()
              WHEN '{{ project }}' <> '' THEN
                (SELECT COUNT(*) FROM (SELECT 1 AS one FROM google.aiplatform.nas_job_summaries
                                       WHERE projectsId = '{{ project }}' AND ('{{ job }}' = '' OR nasJobsId = '{{ job }}')
                                         AND startTime IS NOT NULL
                                         AND createTime > TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00+00'
                                       LIMIT 10001) AS capped)
         END AS jobsMatching
  FROM probe p
),
measured AS (
  SELECT p.projectsId, p.locationsId, p.nasJobsId, p.displayName, p.jobsPicked, p.jobsMatching,
         t.trialType, t.trialId, t.metricId, t.goal, t.metricValue,
         CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
              THEN json_value(t.finalMeasurement, '$.metrics[1].metricId')
              ELSE json_value(t.finalMeasurement, '$.metrics[0].metricId') END AS otherMetricId,
         NULLIF(CAST(CASE WHEN json_value(t.finalMeasurement, '$.metrics[0].metricId') = t.metricId
                          THEN json_value(t.finalMeasurement, '$.metrics[1].value')
                          ELSE json_value(t.finalMeasurement, '$.metrics[0].value') END AS DOUBLE PRECISION),
                CAST('NaN' AS DOUBLE PRECISION)) AS otherValue
  -- Every picked job gives a row, one without such trials a row without a trial, so that the counts are there.
  FROM picked p
  LEFT JOIN google.aiplatform.nas_trials t
    ON t.projectsId = p.projectsId AND t.locationsId = p.locationsId AND t.nasJobsId = p.nasJobsId
   AND NULLIF(t.metricValue, CAST('NaN' AS DOUBLE PRECISION)) IS NOT NULL AND t.trialType = '{{ trials }}'
  WHERE p.rn <= {{ max_jobs }}
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
       s.jobsPicked, s.jobsMatching
FROM scored s
LEFT JOIN above a
  ON a.projectsId = s.projectsId AND a.locationsId = s.locationsId AND a.nasJobsId = s.nasJobsId
 AND a.otherMetricId = s.otherMetricId AND a.metricScore = s.metricScore
ORDER BY s.projectsId, s.locationsId, s.nasJobsId, LENGTH(s.trialId), s.trialId;
