{#- One row per channel, month and attribution model: attributed
    conversions, revenue and first purchases (sums of credits, by the
    conversion's local month), the channel's media spend that month (local
    spend date) and ROAS, CPA and CAC. Every channel-month with spend or
    with credit under any model appears under every model, even with
    nothing attributed, so spend reconciles with its source month by
    month; ratios are null when their denominator is 0. Credits are summed
    as decimals: exact, so the same in every build whatever order the rows
    arrive in. -#}
with

credits as (

    select * from {{ ref('fct_attribution_credits') }}

),

daily_spend as (

    select * from {{ ref('stg_spend__daily_spend') }}
    where not is_duplicate

),

models as (

    {{ attribution_models_select() }}

),

monthly_spend as (

    select
        channel_id as channel,
        cast({{ dbt.date_trunc('month', 'spend_date') }} as date)
            as performance_month,
        sum(spend_amount) as spend
    from daily_spend
    group by 1, 2

),

attributed as (

    select
        channel,
        conversion_month as performance_month,
        attribution_model,
        sum(cast(credit_conversions as decimal(38, 15)))
            as attributed_conversions,
        sum(cast(credit_revenue as decimal(38, 15))) as attributed_revenue,
        sum(
            case
                when is_first_purchase
                    then cast(credit_conversions as decimal(38, 15))
                else 0
            end
        ) as attributed_first_purchases
    from credits
    group by 1, 2, 3

),

-- A channel-month credited under any model appears under every model: a
-- single-touch model has no row for the touches it gives nothing, so a
-- channel it never credits that month still gets its row of zeros.
channel_months as (

    select
        channel,
        performance_month
    from attributed
    union
    select
        channel,
        performance_month
    from monthly_spend

),

spine as (

    select
        channel_months.channel,
        channel_months.performance_month,
        models.attribution_model
    from channel_months
    cross join models

),

performance as (

    select
        spine.channel,
        spine.attribution_model,
        cast(coalesce(attributed.attributed_conversions, 0) as double)
            as attributed_conversions,
        cast(coalesce(attributed.attributed_revenue, 0) as double)
            as attributed_revenue,
        cast(coalesce(attributed.attributed_first_purchases, 0) as double)
            as attributed_first_purchases,
        cast(coalesce(monthly_spend.spend, 0) as decimal(18, 2)) as spend,
        spine.performance_month
    from spine
    left join attributed
        on
            spine.channel = attributed.channel
            and spine.performance_month = attributed.performance_month
            and spine.attribution_model = attributed.attribution_model
    left join monthly_spend
        on
            spine.channel = monthly_spend.channel
            and spine.performance_month = monthly_spend.performance_month

),

final as (

    select
        channel,
        attribution_model,
        attributed_conversions,
        attributed_revenue,
        attributed_first_purchases,
        spend,
        cast({{ safe_divide('attributed_revenue', 'spend') }} as double)
            as roas,
        cast({{ safe_divide('spend', 'attributed_conversions') }} as double)
            as cpa,
        cast({{ safe_divide('spend', 'attributed_first_purchases') }} as double)
            as cac,
        performance_month
    from performance

)

select * from final
