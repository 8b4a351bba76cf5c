{#- One row per person and lifecycle action to run as of var as_of_date:
    due actions (int_lifecycle_actions_triggered) on the person's best
    reachable channel (no reachable channel: no row), at most var
    action_max_per_person per person (highest action priority first), and a
    deterministic holdout that gets nothing. -#}
with

triggered as (

    select * from {{ ref('int_lifecycle_actions_triggered') }}

),

channels as (

    select * from {{ ref('int_person_channels_ranked') }}
    where channel_rank = 1

),

actions as (

    select * from {{ ref('lifecycle_actions') }}

),

reachable as (

    select
        triggered.*,
        channels.channel_id,
        channels.response_rate as channel_response_rate,
        actions.action_name_en,
        actions.action_name_zh,
        actions.action_priority,
        row_number() over (
            partition by triggered.person_id
            order by actions.action_priority asc, triggered.action asc
        ) as action_rank
    from triggered
    inner join channels on triggered.person_id = channels.person_id
    inner join actions on triggered.action = actions.action

),

capped as (

    select
        reachable.*,
        {{ unit_interval_hash(
            "concat(reachable.person_id, '|', reachable.action, '|', '"
            ~ var('action_holdout_salt') ~ "')") }} as holdout_draw
    from reachable
    where reachable.action_rank <= {{ var('action_max_per_person') }}

),

final as (

    select
        {{ dbt.hash("concat(person_id, '|', action, '|', "
                    ~ dbt.cast('trigger_date', api.Column.translate_type('string'))
                    ~ ")") }} as lifecycle_action_id,
        person_id,
        action,
        action_name_en,
        action_name_zh,
        channel_id,
        lifecycle_stage,
        cast(action_priority as integer) as action_priority,
        cast(action_rank as integer) as action_rank,
        cast(recency_days as {{ dbt.type_bigint() }}) as recency_days,
        cast(expected_gap_days as double) as expected_gap_days,
        cast(channel_response_rate as double) as channel_response_rate,
        cast(holdout_draw as double) as holdout_draw,
        holdout_draw < {{ var('action_holdout_share') }} as is_holdout,
        {{ as_of_date() }} as as_of_date,
        trigger_date,
        last_order_date
    from capped

)

select * from final
