{#- One row per person with orders and month end of the last
    var rfm_history_months months (plus the as-of date): the RFM scores,
    segment and tier the person had that day, scored against that day's
    customers, and the tier one snapshot before. Exists from the first
    build: every snapshot is recomputed from the orders. -#}
with

scored as (

    select * from {{ ref('int_customer_rfm_scored') }}

),

with_previous as (

    select
        scored.*,
        lag(scored.rfm_tier) over (
            partition by scored.person_id order by scored.snapshot_date
        ) as previous_tier
    from scored

),

final as (

    select
        person_id,
        rfm_tier,
        rfm_segment,
        previous_tier,
        cast(recency_days as {{ dbt.type_bigint() }}) as recency_days,
        cast(frequency as {{ dbt.type_bigint() }}) as frequency,
        cast(monetary as decimal(18, 2)) as monetary,
        cast(r_score as integer) as r_score,
        cast(f_score as integer) as f_score,
        cast(m_score as integer) as m_score,
        coalesce(previous_tier != rfm_tier, false) as is_tier_change,
        is_as_of_date,
        snapshot_date
    from with_previous

)

select * from final
