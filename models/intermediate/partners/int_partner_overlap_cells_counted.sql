{#- One row per partner, RFM tier (or `total`) and measure: a count of our
    customers (persons with a valid order, fct_customer_rfm). Measures:
    `customers`, `matched_customers` (on the partner's list),
    `content_readers` (read content on the partner's category) and
    `category_buyers` (bought the partner's category). Every tier of the
    rfm_tiers seed has its rows, empty or not; nothing is suppressed yet. -#}
with

partners as {{ not_materialized() }} (

    select * from {{ ref('stg_partners__partners') }}
    where not is_duplicate

),

tiers as (

    select * from {{ ref('rfm_tiers') }}

),

customers as (

    select * from {{ ref('fct_customer_rfm') }}

),

matched as (

    select * from {{ ref('int_partner_customers_matched') }}

),

engaged as (

    select * from {{ ref('int_person_categories_engaged') }}

),

customer_flags as (

    select
        partners.partner_id,
        customers.rfm_tier,
        customers.person_id,
        matched.person_id is not null as is_matched,
        coalesce(engaged.has_read, false) as has_read_category,
        coalesce(engaged.has_bought, false) as has_bought_category
    from partners
    cross join customers
    left join matched
        on
            partners.partner_id = matched.partner_id
            and customers.person_id = matched.person_id
    left join engaged
        on
            customers.person_id = engaged.person_id
            and partners.partner_category = engaged.category

),

person_measures as (

    select
        partner_id,
        rfm_tier,
        person_id,
        'customers' as measure_name
    from customer_flags
    union all
    select
        partner_id,
        rfm_tier,
        person_id,
        'matched_customers' as measure_name
    from customer_flags
    where is_matched
    union all
    select
        partner_id,
        rfm_tier,
        person_id,
        'content_readers' as measure_name
    from customer_flags
    where has_read_category
    union all
    select
        partner_id,
        rfm_tier,
        person_id,
        'category_buyers' as measure_name
    from customer_flags
    where has_bought_category

),

counted as (

    select
        partner_id,
        rfm_tier,
        measure_name,
        count(*) as person_count
    from person_measures
    group by 1, 2, 3
    union all
    select
        partner_id,
        'total' as rfm_tier,
        measure_name,
        count(*) as person_count
    from person_measures
    group by 1, 2, 3

),

grid_columns as (

    select rfm_tier from tiers
    union all
    select 'total' as rfm_tier

),

measure_names as (

    select 'customers' as measure_name
    union all
    select 'matched_customers' as measure_name
    union all
    select 'content_readers' as measure_name
    union all
    select 'category_buyers' as measure_name

),

grid as (

    select
        partners.partner_id,
        grid_columns.rfm_tier,
        measure_names.measure_name
    from partners
    cross join grid_columns
    cross join measure_names

),

cells as (

    select
        grid.partner_id,
        grid.rfm_tier,
        grid.measure_name,
        cast(coalesce(counted.person_count, 0) as {{ dbt.type_bigint() }})
            as person_count
    from grid
    left join counted
        on
            grid.partner_id = counted.partner_id
            and grid.rfm_tier = counted.rfm_tier
            and grid.measure_name = counted.measure_name

)

select * from cells
