{#- One row per person and exploration candidate: one of the
    var recommendation_exploration_pool_size most popular products of a
    category, not owned. Categories the person never bought come first
    (`is_new_category`), one product of each before a second of any, in an
    order drawn per person from hash(person_id || product_id): the same
    person always gets the same suggestions, different persons different
    ones. Only should they run out (a person who bought every category) do
    the least bought categories follow. -#}
with

owned as {{ not_materialized() }} (

    select * from {{ ref('int_customer_products_owned') }}

),

popularity as (

    select * from {{ ref('int_product_popularity_ranked') }}
    where
        category_popularity_rank
        <= {{ var('recommendation_exploration_pool_size') }}
        and basket_count > 0

),

category_baskets as (

    select * from {{ ref('int_person_categories_engaged') }}
    where has_bought

),

persons as (

    select distinct person_id from owned

),

candidates as (

    select
        persons.person_id,
        popularity.product_id,
        popularity.category,
        popularity.product_support,
        coalesce(category_baskets.basket_count, 0) as category_basket_count,
        {{ dbt.hash("concat(persons.person_id, '|', popularity.product_id)") }}
            as draw
    from persons
    cross join popularity
    left join owned
        on
            persons.person_id = owned.person_id
            and popularity.product_id = owned.product_id
    left join category_baskets
        on
            persons.person_id = category_baskets.person_id
            and popularity.category = category_baskets.category
    where owned.product_id is null

),

drawn as (

    select
        candidates.*,
        row_number() over (
            partition by candidates.person_id, candidates.category
            order by candidates.draw asc, candidates.product_id asc
        ) as draw_in_category
    from candidates

),

ranked as (

    select
        person_id,
        product_id,
        category,
        cast(product_support as double) as score,
        category_basket_count = 0 as is_new_category,
        cast(row_number() over (
            partition by person_id
            order by
                category_basket_count asc,
                draw_in_category asc,
                draw asc,
                product_id asc
        ) as integer) as exploration_rank
    from drawn

)

select * from ranked
