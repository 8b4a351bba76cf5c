{#- One row per person with a valid order and recommendation slot
    (1..var recommendation_slots): products the person does not own.
    floor(N × (1 − var recommendation_exploration_share)) slots come from
    the affinity rules on what the person bought (best confidence × lift);
    should the rules suggest fewer, the most popular products not owned
    fill them (`popular`). The other slots explore: popular products of
    categories the person never bought (int_exploration_candidates_ranked),
    `is_exploration`. Slots are ordered affinity, popular, exploration. -#}
{%- set slots = var('recommendation_slots') %}
with

picked as {{ not_materialized() }} (

    select * from {{ ref('int_recommendations_picked') }}

),

popularity as (

    select * from {{ ref('int_product_popularity_ranked') }}

),

owned as {{ not_materialized() }} (

    select * from {{ ref('int_customer_products_owned') }}

),

persons as (

    select
        person_id,
        count(*) as owned_count
    from owned
    group by 1

),

picked_counts as (

    select
        person_id,
        count(*) as picked_count
    from picked
    group by 1

),

popular_left as (

    select
        persons.person_id,
        popularity.product_id,
        popularity.category,
        popularity.product_support as score,
        row_number() over (
            partition by persons.person_id
            order by popularity.popularity_rank asc
        ) as stage_rank,
        coalesce(picked_counts.picked_count, 0) as picked_count
    from persons
    left join picked_counts on persons.person_id = picked_counts.person_id
    {# Of the products ranked within slots + owned + picked, at least
        `slots` are neither owned nor picked, so the popular fill never
        needs a product ranked lower: the join stays a few dozen rows per
        person whatever the size of the catalogue. #}
    inner join popularity
        on
            popularity.popularity_rank
            <= {{ slots }} + persons.owned_count
            + coalesce(picked_counts.picked_count, 0)
    left join owned
        on
            persons.person_id = owned.person_id
            and popularity.product_id = owned.product_id
    left join picked
        on
            persons.person_id = picked.person_id
            and popularity.product_id = picked.product_id
    where owned.product_id is null and picked.product_id is null

),

popular_picks as (

    select
        person_id,
        product_id,
        category,
        score,
        'popular' as reason,
        cast(null as {{ dbt.type_string() }}) as source_product_id,
        false as is_exploration,
        2 as slot_stage,
        stage_rank
    from popular_left
    where stage_rank <= {{ slots }} - picked_count

),

all_picks as (

    select * from picked
    union all
    select * from popular_picks

),

slotted as (

    select
        all_picks.*,
        row_number() over (
            partition by all_picks.person_id
            order by all_picks.slot_stage asc, all_picks.stage_rank asc
        ) as slot
    from all_picks

),

final as (

    select
        person_id,
        cast(slot as integer) as slot,
        product_id,
        category,
        reason,
        source_product_id,
        cast(score as double) as score,
        is_exploration
    from slotted

)

select * from final
