{#- One row per person with at least one marketing touch: a signature of
    everything the person's journeys, touches, conversion roles and
    rule-based weights are computed from (the person's touches, conversions
    and key events, and the attribution vars). The person-incremental
    models of the attribution chain carry it and rebuild a person whose
    signature changed (macros/project/person_incremental.sql). A person with
    no touch has no eligible touch, so no row in those models. The settings
    signed with every row are the attribution vars and the checksums of the
    chain's SQL files, so a changed var or a changed model rebuilds every
    person. -#}
{%- set chain_models = [
    'int_journey_person_signatures', 'int_journey_touches_matched',
    'int_journey_steps_collapsed', 'int_conversion_roles_assigned',
    'int_attribution_weights_computed',
] -%}
{%- set chain_code = [] -%}
{%- if execute -%}
    {%- for name in chain_models -%}
        {%- set node = graph.nodes.get(
            'model.' ~ project_name ~ '.' ~ name) -%}
        {%- do chain_code.append(
            node.checksum.checksum[:16] if node else name) -%}
    {%- endfor -%}
{%- endif -%}
{%- set settings = ([
    var('attribution_lookback_days'),
    var('attribution_max_touches'),
    var('attribution_key_events') | join(','),
    var('attribution_half_life_days'),
    var('attribution_position_end_share'),
    var('attribution_w_shaped_role_share'),
] + chain_code) | join('|') -%}
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
    {#- Only persons with a touch: without one, nothing is eligible. #}
    having max(case when input_kind = 'touch' then 1 else 0 end) = 1

)

select * from signatures
