{#- One row per person and product picked for the person's affinity and
    exploration slots: the best var recommendation_slots ×
    (1 − var recommendation_exploration_share), rounded down, affinity
    candidates, and the first exploration candidates not already picked for
    the remaining slots. `slot_stage` (1 affinity, 3 exploration) and
    `stage_rank` order them; fct_recommendations fills what is left with
    popular products (slot_stage 2). -#}
{%- set affinity_slots = recommendation_affinity_slots() %}
{%- set slots = var('recommendation_slots') %}
with

affinity as (

    select * from {{ ref('int_recommendation_candidates_scored') }}

),

exploration as (

    select * from {{ ref('int_exploration_candidates_ranked') }}

),

affinity_picks as (

    select
        person_id,
        product_id,
        category,
        score,
        'affinity' as reason,
        source_product_id,
        false as is_exploration,
        1 as slot_stage,
        cast(affinity_rank as integer) as stage_rank
    from affinity
    where affinity_rank <= {{ affinity_slots }}

),

exploration_left as (

    select
        exploration.*,
        row_number() over (
            partition by exploration.person_id
            order by exploration.exploration_rank asc
        ) as stage_rank
    from exploration
    left join affinity_picks
        on
            exploration.person_id = affinity_picks.person_id
            and exploration.product_id = affinity_picks.product_id
    where affinity_picks.product_id is null

),

exploration_picks as (

    select
        person_id,
        product_id,
        category,
        score,
        case
            when is_new_category then 'exploration_new_category'
            else 'exploration_least_bought_category'
        end as reason,
        cast(null as {{ dbt.type_string() }}) as source_product_id,
        true as is_exploration,
        3 as slot_stage,
        cast(stage_rank as integer) as stage_rank
    from exploration_left
    where stage_rank <= {{ slots - affinity_slots }}

),

picked as (

    select * from affinity_picks
    union all
    select * from exploration_picks

)

select * from picked
