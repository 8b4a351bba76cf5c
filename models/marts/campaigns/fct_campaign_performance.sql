{#- One row per campaign and messaging channel with sends up to the as-of
    date: the funnel from sent to converted (var
    campaign_conversion_window_days), revenue, cost, ROI and coupon
    redemption. -#}
with

sends as (

    select * from {{ ref('int_message_sends_converted') }}

),

campaigns as (

    select * from {{ ref('stg_marketing__campaigns') }}
    where not is_duplicate

),

coupons as (

    select * from {{ ref('stg_marketing__coupons') }}
    where not is_duplicate and issued_at <= {{ as_of_end_utc() }}

),

redemptions as (

    select * from {{ ref('stg_marketing__coupon_redemptions') }}
    where not is_duplicate and redeemed_at <= {{ as_of_end_utc() }}

),

valid_orders as (

    select order_id from {{ ref('fct_orders') }}

),

funnel as (

    select
        campaign_id,
        channel_id,
        count(*) as sent_count,
        sum(case when is_delivered then 1 else 0 end) as delivered_count,
        sum(case when is_opened then 1 else 0 end) as opened_count,
        sum(case when is_clicked then 1 else 0 end) as clicked_count,
        sum(case when is_converted then 1 else 0 end) as converted_count,
        sum(converted_order_count) as converted_order_count,
        sum(converted_revenue) as revenue,
        sum(send_cost) as send_cost
    from sends
    group by 1, 2

),

redeemed_codes as (

    select distinct redemptions.coupon_code
    from redemptions
    inner join valid_orders on redemptions.order_id = valid_orders.order_id

),

coupon_use as (

    select
        coupons.campaign_id,
        count(*) as coupons_issued_count,
        sum(case when redeemed_codes.coupon_code is not null then 1 else 0 end)
            as coupons_redeemed_count
    from coupons
    left join redeemed_codes
        on coupons.coupon_code = redeemed_codes.coupon_code
    group by 1

),

performance as (

    select
        funnel.campaign_id,
        funnel.channel_id,
        campaigns.campaign_name,
        campaigns.objective,
        {%- for column in ['sent', 'delivered', 'opened', 'clicked',
                           'converted', 'converted_order'] %}
            cast(funnel.{{ column }}_count as {{ dbt.type_bigint() }})
                as {{ column }}_count,
        {%- endfor %}
        cast(
            coalesce(coupon_use.coupons_issued_count, 0)
            as {{ dbt.type_bigint() }}
        ) as coupons_issued_count,
        cast(
            coalesce(coupon_use.coupons_redeemed_count, 0)
            as {{ dbt.type_bigint() }}
        ) as coupons_redeemed_count,
        cast(funnel.revenue as decimal(18, 2)) as revenue,
        cast(funnel.send_cost as decimal(18, 2)) as send_cost,
        cast(
            {{ safe_divide('funnel.revenue - funnel.send_cost',
                           'funnel.send_cost') }}
            as double
        ) as roi,
        {%- for rate, numerator, denominator in [
            ('delivery_rate', 'delivered', 'sent'),
            ('open_rate', 'opened', 'delivered'),
            ('click_rate', 'clicked', 'delivered'),
            ('conversion_rate', 'converted', 'delivered')] %}
            cast(
                {{ safe_divide('funnel.' ~ numerator ~ '_count',
                               'funnel.' ~ denominator ~ '_count') }}
                as double
            ) as {{ rate }},
        {%- endfor %}
        cast(
            {{ safe_divide('coupon_use.coupons_redeemed_count',
                           'coupon_use.coupons_issued_count') }}
            as double
        ) as coupon_redemption_rate,
        coalesce(campaigns.has_holdout, false) as has_holdout,
        campaigns.start_date,
        campaigns.end_date
    from funnel
    left join campaigns on funnel.campaign_id = campaigns.campaign_id
    left join coupon_use
        on
            funnel.campaign_id = coupon_use.campaign_id
            and funnel.channel_id = campaigns.channel_id

)

select * from performance
