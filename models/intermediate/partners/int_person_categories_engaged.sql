{#- One row per person and catalogue category the person read about or
    bought, as of var as_of_date: reads of content whose topic speaks to the
    category (seed content_topic_categories) and valid orders with a line in
    the category. -#}
with

reads as (

    select * from {{ ref('stg_content__reads') }}
    where not is_duplicate and read_at < {{ as_of_end_utc() }}

),

content_items as (

    select * from {{ ref('stg_content__items') }}
    where not is_duplicate

),

topic_categories as (

    select * from {{ ref('content_topic_categories') }}

),

person_map as (

    {{ person_map_of(['content.reads']) }}

),

order_lines as (

    select * from {{ ref('fct_order_lines') }}
    where person_id is not null and order_date <= {{ as_of_date() }}

),

reads_by_category as (

    select
        person_map.person_id,
        topic_categories.category,
        count(*) as read_count,
        0 as basket_count
    from reads
    inner join content_items on reads.content_id = content_items.content_id
    inner join topic_categories on content_items.topic = topic_categories.topic
    inner join person_map
        on concat('content.reads:', reads.read_id) = person_map.record_key
    group by 1, 2

),

category_orders as (

    {#- One row per order with the category, so that baskets count rows:
        faster than count(distinct). #}
    select distinct
        person_id,
        category,
        order_id
    from order_lines

),

baskets_by_category as (

    select
        person_id,
        category,
        0 as read_count,
        count(*) as basket_count
    from category_orders
    group by 1, 2

),

both_sources as (

    select * from reads_by_category
    union all
    select * from baskets_by_category

),

engaged as (

    select
        person_id,
        category,
        cast(sum(read_count) as {{ dbt.type_bigint() }}) as read_count,
        cast(sum(basket_count) as {{ dbt.type_bigint() }}) as basket_count
    from both_sources
    group by 1, 2

),

flagged as (

    select
        person_id,
        category,
        read_count,
        basket_count,
        read_count > 0 as has_read,
        basket_count > 0 as has_bought
    from engaged

)

select * from flagged
