{#- One row per journey whose touches attribution looks at: every
    conversion (anchored at the order time), and for each person whose last
    touch came after their last conversion (or who never converted), one
    non-converting journey anchored at that last touch. Both kinds then take
    the same window and step limit, so the Markov chain sees converting and
    non-converting paths built alike. -#}
with

conversions as {{ not_materialized() }} (

    select * from {{ ref('int_conversions_selected') }}

),

touchpoints as (

    select * from {{ ref('int_touchpoints_unioned') }}

),

last_touches as (

    select
        person_id,
        max(touched_at) as last_touched_at
    from touchpoints
    group by 1

),

last_conversions as (

    select
        person_id,
        max(converted_at) as last_converted_at
    from conversions
    group by 1

),

non_converting_journeys as (

    select
        concat('no_conversion:', last_touches.person_id) as journey_id,
        last_touches.person_id,
        cast(null as {{ dbt.type_string() }}) as conversion_id,
        false as is_conversion,
        last_touches.last_touched_at as anchored_at
    from last_touches
    left join last_conversions
        on last_touches.person_id = last_conversions.person_id
    where
        last_conversions.last_converted_at is null
        or last_touches.last_touched_at > last_conversions.last_converted_at

),

journeys as (

    select
        conversion_id as journey_id,
        person_id,
        conversion_id,
        true as is_conversion,
        converted_at as anchored_at
    from conversions
    union all
    select
        journey_id,
        person_id,
        conversion_id,
        is_conversion,
        anchored_at
    from non_converting_journeys

)

select * from journeys
