-- Spend in fct_channel_performance equals the staged daily spend (duplicates
-- excluded) of the same month, under every attribution model. Returns the
-- months and models that differ.
with

daily_spend as (

    select * from {{ ref('stg_spend__daily_spend') }}
    where not is_duplicate

),

performance as (

    select * from {{ ref('fct_channel_performance') }}

),

source_totals as (

    select
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date)
            as performance_month,
        sum(spend_amount) as spend
    from daily_spend
    group by 1

),

performance_totals as (

    select
        performance_month,
        attribution_model,
        sum(spend) as spend
    from performance
    group by 1, 2

)

select
    source_totals.performance_month,
    performance_totals.attribution_model,
    source_totals.spend as source_spend,
    performance_totals.spend as reported_spend
from source_totals
left join performance_totals
    on source_totals.performance_month = performance_totals.performance_month
where
    performance_totals.attribution_model is null
    or performance_totals.spend != source_totals.spend
union all
select
    performance_totals.performance_month,
    performance_totals.attribution_model,
    source_totals.spend as source_spend,
    performance_totals.spend as reported_spend
from performance_totals
left join source_totals
    on performance_totals.performance_month = source_totals.performance_month
where source_totals.performance_month is null and performance_totals.spend != 0
