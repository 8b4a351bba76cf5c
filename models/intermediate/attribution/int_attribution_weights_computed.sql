{#- One row per conversion and eligible touch with its weight under every
    rule-based attribution model (one column each; markov has its own
    model); in each column the weights of a conversion sum to 1; the
    touch's channel, type, position and its conversion's key-touch status
    come along, so the credits mart joins neither again. See the
    attribution_models doc block for each rule. Weights are divided in
    doubles (Spark would otherwise divide decimals and round). A
    conversion's totals are grouped sums joined back, not windows: decay
    factors are taken relative to the conversion's nearest touch (which
    gets 1, so the total is at least 1 at any half-life) and summed as exact
    decimals (30 places), so the total is the same whatever order rows are
    added in, in every build and on every engine. A touch more than about
    100 half-lives older than the nearest gets 0 (its true weight is below
    1e-30). (A window sum here once returned another conversion's total, in
    a two-thread DuckDB build at 1M people under memory pressure: see the
    README's performance section.) Person-incremental on DuckDB
    (macros/project/person_incremental.sql). -#}
{{ person_incremental_config(
    'int_journey_touches_matched', 'journey_signature'
) }}
{%- set rebuild_changed = is_incremental()
    and person_incremental_ready('journey_signature') -%}
{%- set end_share = attribution_share('attribution_position_end_share') -%}
{%- set middle_share = attribution_remaining_share(
    'attribution_position_end_share', 2) -%}
{%- set role_share = attribution_share('attribution_w_shaped_role_share') -%}
{%- set rest_share = attribution_remaining_share(
    'attribution_w_shaped_role_share', 3) -%}
{%- set position_based -%}
    case
        when touch_count = 1 then cast(1 as double)
        when touch_count = 2 then cast(0.5 as double)
        when is_first = 1 or is_last = 1 then cast({{ end_share }} as double)
        else cast({{ middle_share }} as double) / (touch_count - 2)
    end
{%- endset -%}
with

{% if rebuild_changed %}
persons_to_rebuild as (

    {{ persons_to_rebuild(
        ref('int_journey_touches_matched'), 'current_persons.is_conversion'
    ) }}

),

{% endif %}
touches as (

    select * from {{ ref('int_journey_touches_matched') }}
    where is_conversion
    {%- if rebuild_changed %}
        and person_id in (select person_id from persons_to_rebuild)
    {%- endif %}

),

roles as (

    select * from {{ ref('int_conversion_roles_assigned') }}
    {%- if rebuild_changed %}
    where person_id in (select person_id from persons_to_rebuild)
    {%- endif %}

),

touches_joined_to_roles as (

    select
        touches.conversion_id,
        touches.touch_id,
        touches.person_id,
        touches.journey_signature,
        touches.channel_id,
        touches.touch_type,
        touches.touched_at,
        roles.key_touch_status,
        touches.touch_position,
        touches.touch_count,
        case when touches.touch_id = roles.first_touch_id then 1 else 0 end
            as is_first,
        case when touches.touch_id = roles.last_touch_id then 1 else 0 end
            as is_last,
        case when touches.touch_id = roles.key_touch_id then 1 else 0 end
            as is_key,
        case
            when touches.touch_id = roles.last_non_direct_touch_id then 1
            else 0
        end as is_last_non_direct,
        touches.seconds_before_anchor
    from touches
    inner join roles
        on
            touches.conversion_id = roles.conversion_id
            and touches.journey_signature = roles.journey_signature

),

conversion_totals as (

    select
        conversion_id,
        min(seconds_before_anchor) as nearest_seconds_before_anchor,
        sum(case when is_first + is_key + is_last = 0 then 1 else 0 end)
            as touches_without_role
    from touches_joined_to_roles
    group by 1

),

touches_decayed as (

    select
        touches_joined_to_roles.*,
        touches_joined_to_roles.is_first
        + touches_joined_to_roles.is_key
        + touches_joined_to_roles.is_last as role_count,
        conversion_totals.touches_without_role,
        cast(
            pow(
                2,
                -(
                    touches_joined_to_roles.seconds_before_anchor
                    - conversion_totals.nearest_seconds_before_anchor
                )
                / {{ attribution_half_life_seconds() }}
            ) as decimal(38, 30)
        ) as decay_factor
    from touches_joined_to_roles
    inner join conversion_totals
        on
            touches_joined_to_roles.conversion_id
            = conversion_totals.conversion_id

),

decay_totals as (

    select
        conversion_id,
        sum(decay_factor) as decay_total
    from touches_decayed
    group by 1

),

touches_with_totals as (

    select
        touches_decayed.*,
        decay_totals.decay_total
    from touches_decayed
    inner join decay_totals
        on touches_decayed.conversion_id = decay_totals.conversion_id

),

weighted as (

    select
        conversion_id,
        touch_id,
        cast(is_first as double) as first_touch,
        cast(is_last as double) as last_touch,
        cast(is_last_non_direct as double) as last_non_direct,
        cast(is_key as double) as key_touch,
        cast(1 as double) / touch_count as linear,
        cast(decay_factor as double) / cast(decay_total as double)
            as time_decay,
        {{ position_based }} as position_based,
        case
            when key_touch_status = 'no_key_event' then {{ position_based }}
            when touches_without_role = 0
                then cast(role_count as double) / 3
            when role_count > 0
                then role_count * cast({{ role_share }} as double)
            else cast({{ rest_share }} as double) / touches_without_role
        end as w_shaped,
        person_id,
        journey_signature,
        channel_id,
        touch_type,
        key_touch_status,
        cast(touch_position as {{ dbt.type_bigint() }}) as touch_position,
        cast(touch_count as {{ dbt.type_bigint() }}) as touch_count,
        touched_at
    from touches_with_totals

)

select * from weighted
