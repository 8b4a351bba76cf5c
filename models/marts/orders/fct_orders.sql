{#- One row per valid order, online or in store: test, employee, cancelled
    and duplicate orders are excluded. Money in CNY; net_amount is after
    discounts and refunds (shipping excluded). -#}
with

orders as (

    select * from {{ ref('int_orders_unioned') }}
    where not is_test and not is_employee and not is_cancelled

),

sequenced as (

    select
        orders.*,
        case
            when orders.person_id is not null
                then row_number() over (
                    partition by orders.person_id
                    order by orders.ordered_at asc, orders.order_id asc
                )
        end as order_sequence
    from orders

),

final as (

    select
        order_id,
        person_id,
        order_source,
        sales_channel_id,
        store_id,
        coupon_code,
        cast(gross_amount as decimal(18, 2)) as gross_amount,
        cast(discount_amount as decimal(18, 2)) as discount_amount,
        cast(refund_amount as decimal(18, 2)) as refund_amount,
        cast(gross_amount - discount_amount - refund_amount as decimal(18, 2))
            as net_amount,
        cast(item_count as {{ dbt.type_bigint() }}) as item_count,
        cast(order_sequence as {{ dbt.type_bigint() }}) as order_sequence,
        coalesce(order_sequence = 1, false) as is_first_order,
        person_id is null as is_anonymous,
        {{ dbt.cast(utc_to_local('ordered_at'), 'date') }} as order_date,
        ordered_at
    from sequenced

)

select * from final
