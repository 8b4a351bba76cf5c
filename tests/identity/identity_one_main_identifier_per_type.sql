-- Every person has exactly one main identifier of each identifier type
-- they hold (is_main_of_type): dim_customers' main phone and e-mail and the
-- recipient of each activation channel are never missing or ambiguous.
-- Returns the person and type with how many main identifiers it has.
select
    person_id,
    identifier_type,
    sum(case when is_main_of_type then 1 else 0 end) as main_count
from {{ ref('int_identifiers_resolved') }}
group by 1, 2
having sum(case when is_main_of_type then 1 else 0 end) != 1
