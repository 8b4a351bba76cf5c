{#- One row per person with at least one marketing touch: a signature of
    everything the person's journeys, touches, conversion roles and
    rule-based weights are computed from (the person's touches, conversions
    and key events, and the attribution vars). The person-incremental
    models of the attribution chain carry it and rebuild a person whose
    signature changed (macros/project/person_incremental.sql). A person with
    no touch has no eligible touch, so no row in those models. -#}
{%- set settings = [
    var('attribution_lookback_days'),
    var('attribution_max_touches'),
    var('attribution_key_events') | join(','),
    var('attribution_half_life_days'),
    var('attribution_position_end_share'),
    var('attribution_w_shaped_role_share'),
] | join('|') -%}
{%- set settings_literal = "'" ~ settings ~ "'" -%}
with

touchpoints as (

    select * from {{ ref('int_touchpoints_unioned') }}

),

conversions as (

    select * from {{ ref('int_conversions_selected') }}

),

key_events as (

    select * from {{ ref('int_key_events_selected') }}

),

inputs as (

    {#- Each input row is signed with its kind (so ids of two kinds never
        cancel out), every column the chain reads, and the settings, so a
        changed var changes every signature. -#}
    select
        person_id,
        'touch' as input_kind,
        touch_id as input_id,
        touch_type as detail,
        channel_id as channel_or_name,
        is_direct,
        touched_at as occurred_at
    from touchpoints
    union all
    select
        person_id,
        'conversion' as input_kind,
        conversion_id as input_id,
        cast(null as {{ dbt.type_string() }}) as detail,
        cast(null as {{ dbt.type_string() }}) as channel_or_name,
        cast(null as boolean) as is_direct,
        converted_at as occurred_at
    from conversions
    union all
    select
        person_id,
        'key_event' as input_kind,
        key_event_id as input_id,
        cast(null as {{ dbt.type_string() }}) as detail,
        event_name as channel_or_name,
        cast(null as boolean) as is_direct,
        occurred_at
    from key_events

),

signatures as (

    select
        person_id,
        {{ set_signature([
            'input_kind', 'input_id', 'detail', 'channel_or_name',
            'is_direct', 'occurred_at', settings_literal
        ]) }} as journey_signature
    from inputs
    group by 1

),

touched_persons as (

    select distinct person_id from touchpoints

),

touched_signatures as (

    select
        signatures.person_id,
        signatures.journey_signature
    from signatures
    inner join touched_persons
        on signatures.person_id = touched_persons.person_id

)

select * from touched_signatures
