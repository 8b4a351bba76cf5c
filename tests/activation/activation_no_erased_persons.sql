-- No lifecycle action or audience member belongs to a person who asked to
-- be erased: the salted hash of every person id behind them is absent from
-- the suppression list (kind 'person'). Audience members carry only a
-- person hash, so they are matched back to dim_customers first; a hash that
-- matches no current person (as an erased person's would) is returned too.
with

actions as (

    select * from {{ ref('fct_lifecycle_actions') }}

),

members as (

    select * from {{ ref('fct_audience_members') }}

),

suppressed_persons as (

    select suppressed_hash from {{ ref('stg_privacy__erasure_suppression') }}
    where suppressed_kind = 'person'

),

persons as (

    select
        person_id,
        {{ salted_sha256('person_id') }} as person_sha256
    from {{ ref('dim_customers') }}

),

activated as (

    select
        'fct_lifecycle_actions' as model_name,
        person_id
    from actions

    union all

    select
        'fct_audience_members' as model_name,
        persons.person_id
    from members
    left join persons on members.person_sha256 = persons.person_sha256

)

select
    activated.model_name,
    activated.person_id
from activated
where
    activated.person_id is null
    or {{ salted_hash('activated.person_id') }} in (
        select suppressed_persons.suppressed_hash from suppressed_persons
    )
