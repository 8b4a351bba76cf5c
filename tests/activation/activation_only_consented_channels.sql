-- Lifecycle actions (holdout rows included) and audience members exist only
-- for a person whose latest consent decision for that channel is a grant.
-- Returns the offending rows; audience members whose person hash matches
-- no person in dim_customers are returned too.
with

actions as (

    select * from {{ ref('fct_lifecycle_actions') }}

),

members as (

    select * from {{ ref('fct_audience_members') }}

),

consents as (

    select * from {{ ref('int_person_consents') }}
    where is_consented

),

persons as (

    select
        person_id,
        {{ salted_sha256('person_id') }} as person_sha256
    from {{ ref('dim_customers') }}

),

members_resolved as (

    select
        members.audience_id,
        members.channel_id,
        persons.person_id
    from members
    left join persons on members.person_sha256 = persons.person_sha256

),

unconsented_actions as (

    select
        'fct_lifecycle_actions' as model_name,
        actions.action as row_key,
        actions.person_id,
        actions.channel_id
    from actions
    left join consents
        on
            actions.person_id = consents.person_id
            and actions.channel_id = consents.channel_id
    where consents.person_id is null

),

unconsented_members as (

    select
        'fct_audience_members' as model_name,
        members_resolved.audience_id as row_key,
        members_resolved.person_id,
        members_resolved.channel_id
    from members_resolved
    left join consents
        on
            members_resolved.person_id = consents.person_id
            and members_resolved.channel_id = consents.channel_id
    where consents.person_id is null

)

select * from unconsented_actions
union all
select * from unconsented_members
