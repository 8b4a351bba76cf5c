-- No person holds two accounts, member cards or unionids (types with
-- max_per_person = 1): the guards and the cannot-link rule never merged two
-- of them. Returns the offending persons.
with

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}

),

limited_types as (

    select identifier_type from {{ ref('identifier_types') }}
    where max_per_person = 1

)

select
    identifiers.person_id,
    identifiers.identifier_type,
    count(*) as identifier_count
from identifiers
inner join limited_types
    on identifiers.identifier_type = limited_types.identifier_type
group by 1, 2
having count(*) > 1
