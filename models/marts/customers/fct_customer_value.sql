{#- One row per person with valid orders: historical value to date (net
    revenue and gross margin, CNY) and predicted value over the next
    var clv_horizon_days days. {{ doc('clv_method') }} -#}
with

rfm as {{ not_materialized() }} (

    select * from {{ ref('fct_customer_rfm') }}

),

cadence as (

    select * from {{ ref('int_customer_purchase_cadence') }}

),

lines as (

    select
        person_id,
        sum(cost_amount) as cost_amount
    from {{ ref('fct_order_lines') }}
    where person_id is not null and order_date <= {{ as_of_date() }}
    group by 1

),

population as (

    select
        {{ safe_divide('sum(btyd_frequency)', 'sum(btyd_t)') }}
            as repeat_rate_per_day,
        {{ safe_divide('sum(btyd_monetary_value * btyd_frequency)',
                       'sum(btyd_frequency)') }} as repeat_spend,
        {{ safe_divide('sum(rfm.monetary) - sum(lines.cost_amount)',
                       'sum(rfm.monetary)') }} as margin_rate
    from rfm
    left join lines on rfm.person_id = lines.person_id

),

estimated as (

    select
        rfm.person_id,
        rfm.monetary as historical_net_revenue,
        rfm.monetary - coalesce(lines.cost_amount, 0) as historical_margin,
        (rfm.btyd_frequency + 365.0 * population.repeat_rate_per_day)
        / (rfm.btyd_t + 365.0) as purchase_rate_per_day,
        exp(
            -greatest(0, cadence.recency_days - cadence.expected_gap_days)
            / greatest(cadence.expected_gap_days, 1)
        ) as probability_active,
        (
            rfm.btyd_frequency * rfm.btyd_monetary_value
            + 2 * population.repeat_spend) / (rfm.btyd_frequency + 2)
            as expected_spend_per_purchase,
        population.margin_rate
    from rfm
    inner join cadence on rfm.person_id = cadence.person_id
    left join lines on rfm.person_id = lines.person_id
    cross join population

),

final as (

    select
        person_id,
        cast(historical_net_revenue as decimal(18, 2))
            as historical_net_revenue,
        cast(historical_margin as decimal(18, 2)) as historical_margin,
        cast(purchase_rate_per_day as double) as purchase_rate_per_day,
        cast(probability_active as double) as probability_active,
        cast(
            purchase_rate_per_day * {{ var('clv_horizon_days') }}
            * probability_active as double
        ) as predicted_purchases,
        cast(
            purchase_rate_per_day * {{ var('clv_horizon_days') }}
            * probability_active * expected_spend_per_purchase
            as decimal(18, 2)
        ) as predicted_net_revenue,
        cast(
            purchase_rate_per_day * {{ var('clv_horizon_days') }}
            * probability_active * expected_spend_per_purchase * margin_rate
            as decimal(18, 2)
        ) as predicted_margin,
        cast({{ var('clv_horizon_days') }} as integer) as horizon_days
    from estimated

)

select * from final
