/**
 * The baseline of round-grading.ts: A30's grades from the raw indicator scores in one statement: totals
 * (Σ weight × score / 100, two decimals), thresholds, the cap on excellent by rank (position past the cap →
 * good), and equal totals straddling the cap left without a grade for DST to order, as gradeRound does.
 */
export const GRADE_BY_SQL = `
with round as (
  select indicator_system, (thresholds->>'excellent')::numeric as ex, (thresholds->>'good')::numeric as good,
         (thresholds->>'basicPass')::numeric as bp, excellent_cap_share as share
    from evaluations.evaluation_round where id = $1
), weights as (
  select i->>'key' as key, (i->>'weight')::numeric as weight
    from round, jsonb_array_elements(round.indicator_system->'dimensions') d, jsonb_array_elements(d->'indicators') i
), totals as (
  select rc.id, rc.center_id, round(sum(w.weight * (s->>'score')::numeric) / 100, 2) as total
    from evaluations.evaluation_round_center rc
    cross join jsonb_array_elements(rc.scores) s
    join weights w on w.key = s->>'indicatorKey'
   where rc.round_id = $1 and rc.status = 'submitted'
   group by rc.id, rc.center_id
), ranked as (
  select t.*, row_number() over (order by t.total desc, t.center_id) as pos,
         case when t.total >= r.ex then 'excellent' when t.total >= r.good then 'good'
              when t.total >= r.bp then 'basic_pass' else 'fail' end as computed,
         floor(r.share * count(*) over () + 1e-9) as cap
    from totals t, round r
), line as (
  select max(cap) as cap, count(*) filter (where computed = 'excellent') as excellent,
         max(total) filter (where pos = cap) as at_cap, max(total) filter (where pos = cap + 1) as past_cap
    from ranked
), graded as (
  select ranked.id,
         case when ranked.computed = 'excellent' and line.cap > 0 and line.excellent > line.cap
                   and line.at_cap = line.past_cap and ranked.total = line.at_cap then null
              when ranked.computed = 'excellent' and ranked.pos > ranked.cap then 'good'
              else ranked.computed end as grade
    from ranked, line
)
update evaluations.evaluation_round_center rc set grade = graded.grade, computed_grade = graded.grade
  from graded where rc.id = graded.id`;
