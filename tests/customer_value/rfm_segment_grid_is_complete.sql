-- Every cell of the 5 x 5 R x F grid belongs to exactly one segment.
with

scores as (

    select 1 as score
    union all
    select 2
    union all
    select 3
    union all
    select 4
    union all
    select 5

),

cells as (

    select
        r_scores.score as r_score,
        f_scores.score as f_score
    from scores as r_scores
    cross join scores as f_scores

),

matches as (

    select
        cells.r_score,
        cells.f_score,
        count(segments.rfm_segment) as segment_count
    from cells
    left join {{ ref('rfm_segments') }} as segments
        on
            cells.r_score between segments.r_score_min and segments.r_score_max
            and cells.f_score
            between segments.f_score_min and segments.f_score_max
    group by 1, 2

)

select * from matches
where segment_count != 1
