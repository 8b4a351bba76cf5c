{#- One row per message send up to the as-of date with the valid orders it
    converted: orders by the recipient person placed after a delivered send
    and within var campaign_conversion_window_days days (24-hour periods) of
    it. An order within the window of several sends of one campaign counts
    once, for the latest of them; campaigns may share an order. -#}
{%- set window_seconds = var('campaign_conversion_window_days') * 86400 -%}
with

sends as {{ not_materialized() }} (

    select * from {{ ref('int_message_sends_resolved') }}

),

orders as (

    select * from {{ ref('fct_orders') }}
    where person_id is not null and ordered_at <= {{ as_of_end_utc() }}

),

candidate_conversions as (

    select
        sends.send_id,
        sends.campaign_id,
        orders.order_id,
        orders.net_amount,
        row_number() over (
            partition by sends.campaign_id, orders.order_id
            order by sends.sent_at desc, sends.send_id desc
        ) as send_rank
    from sends
    inner join orders on sends.person_id = orders.person_id
    where
        sends.is_delivered
        and orders.ordered_at > sends.sent_at
        and {{ epoch_seconds('orders.ordered_at') }}
        - {{ epoch_seconds('sends.sent_at') }} <= {{ window_seconds }}

),

conversions_per_send as (

    select
        send_id,
        count(*) as converted_order_count,
        sum(net_amount) as converted_revenue
    from candidate_conversions
    where send_rank = 1
    group by 1

),

converted as (

    select
        sends.send_id,
        sends.campaign_id,
        sends.channel_id,
        sends.person_id,
        sends.recipient_type,
        sends.delivery_status,
        sends.send_cost,
        sends.is_delivered,
        sends.is_opened,
        sends.is_clicked,
        sends.sent_at,
        sends.first_opened_at,
        sends.first_clicked_at,
        cast(
            coalesce(conversions_per_send.converted_order_count, 0)
            as {{ dbt.type_bigint() }}
        ) as converted_order_count,
        cast(
            coalesce(conversions_per_send.converted_revenue, 0)
            as decimal(18, 2)
        ) as converted_revenue,
        conversions_per_send.send_id is not null as is_converted
    from sends
    left join conversions_per_send
        on sends.send_id = conversions_per_send.send_id

)

select * from converted
