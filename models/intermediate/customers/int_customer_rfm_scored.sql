{#- One row per person with orders and RFM snapshot date: recency,
    frequency and monetary as of that date, the three scores, the segment
    and the tier. R and M are quintiles of percent_rank (ties share a
    score); F uses the fixed thresholds of var rfm_frequency_thresholds
    (or quintiles with rfm_frequency_method = quantiles). -#}
{%- set thresholds = var('rfm_frequency_thresholds') -%}

with

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null

),

snapshots as (

    select * from {{ ref('int_rfm_snapshots') }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

measured as (

    select
        orders.person_id,
        snapshots.snapshot_date,
        snapshots.is_as_of_date,
        {{ dbt.datediff(
            'max(orders.order_date)', 'snapshots.snapshot_date', 'day'
        ) }} as recency_days,
        count(*) as frequency,
        sum(orders.net_amount) as monetary
    from orders
    inner join snapshots on orders.order_date <= snapshots.snapshot_date
    group by 1, 2, 3

),

ranked as (

    select
        measured.*,
        percent_rank() over (
            partition by measured.snapshot_date
            order by measured.recency_days desc
        ) as recency_rank,
        percent_rank() over (
            partition by measured.snapshot_date order by measured.frequency asc
        ) as frequency_rank,
        percent_rank() over (
            partition by measured.snapshot_date order by measured.monetary asc
        ) as monetary_rank
    from measured

),

scored as (

    select
        ranked.*,
        least(5, 1 + cast(floor(5 * ranked.recency_rank) as integer))
            as r_score,
        {% if var('rfm_frequency_method') == 'quantiles' -%}
        least(5, 1 + cast(floor(5 * ranked.frequency_rank) as integer))
        {%- else -%}
            case
                {%- for threshold in thresholds | reverse %}
                    when
                        ranked.frequency >= {{ threshold }}
                        then {{ 5 - loop.index0 }}
                {%- endfor %}
                else 1
            end
        {%- endif %} as f_score,
        least(5, 1 + cast(floor(5 * ranked.monetary_rank) as integer))
            as m_score
    from ranked

),

segmented as (

    select
        scored.person_id,
        scored.snapshot_date,
        scored.is_as_of_date,
        scored.recency_days,
        scored.frequency,
        scored.monetary,
        scored.r_score,
        scored.f_score,
        scored.m_score,
        segments.rfm_segment,
        segments.rfm_tier
    from scored
    inner join segments
        on
            scored.r_score
            between segments.r_score_min and segments.r_score_max
            and scored.f_score
            between segments.f_score_min and segments.f_score_max

)

select * from segmented
