{#- One row per key event of a known person: an app or mini-program event
    whose name is in the var attribution_key_events (by default a product
    page view or an add to cart), the decisive step for key_touch and
    w_shaped attribution. -#}
with

app_events as (

    select * from {{ ref('int_app_events_resolved') }}
    where
        person_id is not null
        and event_name in ({{ attribution_key_events_sql() }})

),

key_events as (

    select
        event_id as key_event_id,
        person_id,
        event_name,
        product_id,
        occurred_at
    from app_events

)

select * from key_events
