-- No suppressed count of fct_partner_overlap can be recovered by
-- subtraction: a row (a partner's tiers and total) or a column (a tier
-- across partners) that holds a suppressed cell and any visible one holds
-- at least two suppressed cells (a suppressed total counts), so the total
-- minus the visible cells never equals a single suppressed value. Returns
-- the unsafe lines; a line left after the last pass means var
-- partner_suppression_max_passes is too small.
with

cells as (

    {{ partner_overlap_published_cells() }}

),

lines as (

    select
        'row' as line_type,
        measure_name,
        partner_id as line_key,
        is_suppressed
    from cells
    union all
    select
        'column' as line_type,
        measure_name,
        rfm_tier as line_key,
        is_suppressed
    from cells

)

select
    line_type,
    measure_name,
    line_key,
    sum(case when is_suppressed then 1 else 0 end) as suppressed_cells,
    sum(case when is_suppressed then 0 else 1 end) as visible_cells
from lines
group by 1, 2, 3
having
    sum(case when is_suppressed then 1 else 0 end) = 1
    and sum(case when is_suppressed then 0 else 1 end) > 0
