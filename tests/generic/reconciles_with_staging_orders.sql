{#- fct_orders reconciles to staging: its order count and gross, discount
    and refund totals equal those of the staged shop orders and store
    receipts that are neither duplicates, test, employee nor cancelled. -#}
{% test reconciles_with_staging_orders(model) %}

with

staged as (

    select
        count(*) as order_count,
        sum(gross_amount) as gross_amount,
        sum(discount_amount) as discount_amount
    from (
        select gross_amount, discount_amount
        from {{ ref('stg_shop__orders') }}
        where not (is_duplicate or is_test or is_employee or is_cancelled)
        union all
        select gross_amount, discount_amount
        from {{ ref('stg_pos__transactions') }}
        where not (is_duplicate or is_employee)
    ) as valid_orders

),

refunded as (

    select coalesce(sum(refunds.refund_amount), 0) as refund_amount
    from {{ ref('stg_shop__refunds') }} as refunds
    inner join {{ ref('stg_shop__orders') }} as orders
        on refunds.order_id = orders.order_id
    where
        not refunds.is_duplicate
        and not (orders.is_duplicate or orders.is_test or orders.is_employee or orders.is_cancelled)

),

published as (

    select
        count(*) as order_count,
        sum(gross_amount) as gross_amount,
        sum(discount_amount) as discount_amount,
        sum(refund_amount) as refund_amount
    from {{ model }}

)

select
    published.*,
    staged.order_count as staged_order_count,
    staged.gross_amount as staged_gross_amount
from published
cross join staged
cross join refunded
where
    published.order_count != staged.order_count
    or published.gross_amount != staged.gross_amount
    or published.discount_amount != staged.discount_amount
    or published.refund_amount != refunded.refund_amount

{% endtest %}
