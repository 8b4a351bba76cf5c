{#- One row per joint promotion and referral source, every source present:
    `partner_code` and `our_code` count the promotion's redemptions (dated
    within it), the customers they name and, for the partner's code, those
    whose redeeming order was their first; their sales are those customers'
    valid orders with us during the promotion and the pre-period.
    `all_orders` is every valid order of ours in the same windows. -#}
with

windows as {{ not_materialized() }} (

    select * from {{ ref('int_partner_promotions_windowed') }}

),

redemptions as (

    select * from {{ ref('int_partner_redemptions_resolved') }}

),

orders as {{ not_materialized() }} (

    select * from {{ ref('int_partner_promotion_orders_windowed') }}

),

redemptions_in_promotion as (

    select redemptions.*
    from redemptions
    inner join windows
        on
            redemptions.promotion_id = windows.promotion_id
            and redemptions.redeemed_date >= windows.start_date
            and redemptions.redeemed_date <= windows.end_date

),

referred as (

    select
        promotion_id,
        referral_source,
        count(distinct redemption_id) as redemption_count,
        count(distinct referred_customer_key) as customer_count,
        count(distinct person_id) as identified_customer_count,
        count(distinct case when is_new_customer then person_id end)
            as new_customer_count
    from redemptions_in_promotion
    group by 1, 2

),

referred_persons as (

    select distinct
        promotion_id,
        referral_source,
        person_id
    from redemptions_in_promotion
    where person_id is not null

),

referred_sales as (

    select
        referred_persons.promotion_id,
        referred_persons.referral_source,
        sum(case when orders.is_in_promotion then orders.net_amount end)
            as promotion_sales_amount,
        sum(case when not orders.is_in_promotion then orders.net_amount end)
            as pre_period_sales_amount
    from referred_persons
    inner join orders
        on
            referred_persons.promotion_id = orders.promotion_id
            and referred_persons.person_id = orders.person_id
    group by 1, 2

),

code_sources as (

    select 'partner_code' as referral_source
    union all
    select 'our_code' as referral_source

),

by_code as (

    select
        windows.promotion_id,
        code_sources.referral_source,
        coalesce(referred.redemption_count, 0) as redemption_count,
        coalesce(referred.customer_count, 0) as customer_count,
        coalesce(referred.identified_customer_count, 0)
            as identified_customer_count,
        case
            when code_sources.referral_source = 'partner_code'
                then coalesce(referred.new_customer_count, 0)
        end as new_customer_count,
        cast(null as {{ dbt.type_bigint() }}) as pre_period_new_customer_count,
        coalesce(referred_sales.promotion_sales_amount, 0)
            as promotion_sales_amount,
        coalesce(referred_sales.pre_period_sales_amount, 0)
            as pre_period_sales_amount
    from windows
    cross join code_sources
    left join referred
        on
            windows.promotion_id = referred.promotion_id
            and code_sources.referral_source = referred.referral_source
    left join referred_sales
        on
            windows.promotion_id = referred_sales.promotion_id
            and code_sources.referral_source = referred_sales.referral_source

),

all_orders as (

    select
        windows.promotion_id,
        'all_orders' as referral_source,
        cast(null as {{ dbt.type_bigint() }}) as redemption_count,
        count(
            distinct case when orders.is_in_promotion then orders.person_id
            end
        ) as customer_count,
        count(
            distinct case when orders.is_in_promotion then orders.person_id
            end
        ) as identified_customer_count,
        count(distinct case
            when orders.is_in_promotion and orders.is_first_order
                then orders.person_id
        end) as new_customer_count,
        count(distinct case
            when not orders.is_in_promotion and orders.is_first_order
                then orders.person_id
        end) as pre_period_new_customer_count,
        coalesce(sum(case
            when orders.is_in_promotion
                then orders.net_amount
        end), 0) as promotion_sales_amount,
        coalesce(sum(case
            when not orders.is_in_promotion
                then orders.net_amount
        end), 0) as pre_period_sales_amount
    from windows
    left join orders on windows.promotion_id = orders.promotion_id
    group by 1, 2

),

summarised as (

    select * from by_code
    union all
    select * from all_orders

)

select * from summarised
