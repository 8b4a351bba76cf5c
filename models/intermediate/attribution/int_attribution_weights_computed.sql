{#- One row per conversion and eligible touch with its weight under every
    rule-based attribution model (one column each; markov has its own
    model); in each column the weights of a conversion sum to 1. See the
    attribution_models doc block for each rule. All arithmetic is in
    doubles (Spark would otherwise divide decimals and round); sums of
    doubles run over an ordered frame, so they add up in the same order, and
    round the same way, in every build. -#}
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

touches as (

    select * from {{ ref('int_journey_touches_matched') }}
    where is_conversion

),

roles as (

    select * from {{ ref('int_conversion_roles_assigned') }}

),

touches_joined_to_roles as (

    select
        touches.conversion_id,
        touches.touch_id,
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
        pow(
            2,
            -touches.seconds_before_anchor
            / {{ attribution_half_life_seconds() }}
        ) as decay_factor
    from touches
    inner join roles on touches.conversion_id = roles.conversion_id

),

touches_with_totals as (

    select
        *,
        is_first + is_key + is_last as role_count,
        sum(case when is_first + is_key + is_last = 0 then 1 else 0 end)
            over (partition by conversion_id)
            as touches_without_role,
        sum(decay_factor) over (
            partition by conversion_id
            order by touch_position asc
            rows between unbounded preceding and unbounded following
        ) as decay_total
    from touches_joined_to_roles

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
        decay_factor / decay_total as time_decay,
        {{ position_based }} as position_based,
        case
            when key_touch_status = 'no_key_event' then {{ position_based }}
            when touches_without_role = 0
                then cast(role_count as double) / 3
            when role_count > 0
                then role_count * cast({{ role_share }} as double)
            else cast({{ rest_share }} as double) / touches_without_role
        end as w_shaped
    from touches_with_totals

)

select * from weighted
