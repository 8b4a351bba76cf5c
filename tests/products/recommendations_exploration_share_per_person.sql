-- Each person's exploration slots are within one slot of
-- var recommendation_exploration_share of the person's slots, and no
-- person has more slots than var recommendation_slots or a gap in them.
-- Returns the offending persons.
with

recommendations as (

    select * from {{ ref('fct_recommendations') }}

),

per_person as (

    select
        person_id,
        count(*) as slot_count,
        max(slot) as last_slot,
        sum(case when is_exploration then 1 else 0 end) as exploration_slots
    from recommendations
    group by 1

)

select *
from per_person
where
    abs(
        exploration_slots
        - slot_count * {{ var('recommendation_exploration_share') }}
    ) > 1
    or slot_count > {{ var('recommendation_slots') }}
    or last_slot != slot_count
