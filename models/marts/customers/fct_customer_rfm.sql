{#- One row per person with at least one valid order, as of var as_of_date:
    recency, frequency, monetary, their scores, segment and tier (labels in
    English and Chinese), and the buy-till-you-die summary with the exact
    definitions of lifetimes' summary_data_from_transaction_data (daily
    periods: purchases on one day are one purchase). -#}
with

scored as (

    select * from {{ ref('int_customer_rfm_scored') }}
    where is_as_of_date

),

purchase_days as (

    select * from {{ ref('int_customer_order_days') }}
    where order_date <= {{ as_of_date() }}

),

segments as (

    select * from {{ ref('rfm_segments') }}

),

tiers as (

    select * from {{ ref('rfm_tiers') }}

),

buy_till_you_die as (

    select
        person_id,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date,
        count(*) - 1 as btyd_frequency,
        {{ dbt.datediff('min(order_date)', 'max(order_date)', 'day') }}
            as btyd_recency,
        {{ dbt.datediff('min(order_date)', as_of_date(), 'day') }} as btyd_t,  -- noqa: LT05
        -- a double mean on every engine (Spark's mean of a decimal is a
        -- decimal rounded to 6 places)
        coalesce(
            avg(
                case
                    when purchase_day_number > 1
                        then cast(net_amount as double)
                end
            ),
            0
        ) as btyd_monetary_value
    from purchase_days
    group by 1

),

final as (

    select
        scored.person_id,
        scored.rfm_segment,
        segments.segment_name_en,
        segments.segment_name_zh,
        scored.rfm_tier,
        tiers.tier_name_en,
        tiers.tier_name_zh,
        cast(scored.recency_days as {{ dbt.type_bigint() }}) as recency_days,
        cast(scored.frequency as {{ dbt.type_bigint() }}) as frequency,
        cast(scored.monetary as decimal(18, 2)) as monetary,
        cast(
            {{ safe_divide('scored.monetary', 'scored.frequency') }}
            as decimal(18, 2)
        ) as average_order_value,
        cast(scored.r_score as integer) as r_score,
        cast(scored.f_score as integer) as f_score,
        cast(scored.m_score as integer) as m_score,
        cast(btyd.btyd_frequency as {{ dbt.type_bigint() }}) as btyd_frequency,
        cast(btyd.btyd_recency as {{ dbt.type_bigint() }}) as btyd_recency,
        cast(btyd.btyd_t as {{ dbt.type_bigint() }}) as btyd_t,
        cast(btyd.btyd_monetary_value as double) as btyd_monetary_value,
        btyd.first_order_date,
        btyd.last_order_date
    from scored
    inner join buy_till_you_die as btyd on scored.person_id = btyd.person_id
    inner join segments on scored.rfm_segment = segments.rfm_segment
    inner join tiers on scored.rfm_tier = tiers.rfm_tier

)

select * from final
