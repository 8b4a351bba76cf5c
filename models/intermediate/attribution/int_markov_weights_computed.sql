{#- One row per conversion and eligible touch with its Markov weight: the
    conversion is shared among the channels on its path in proportion to
    their removal effects, and a channel's share is split equally among its
    touches. A path whose channels all have a zero removal effect (possible
    only in a degenerate chain) is shared equally among its touches. A
    conversion's total removal effect is a grouped sum of exact decimals
    joined back, not a window: it is the same in every build whatever order
    the rows are added in, and it does not sort every conversion's channels
    (a window of this shape spilled at a million people and grew fastest of
    all models). -#}
with

touches as {{ not_materialized() }} (

    select * from {{ ref('int_journey_touches_matched') }}
    where is_conversion

),

effects as (

    select * from {{ ref('int_markov_removal_effects_computed') }}

),

path_channels as (

    select
        touches.conversion_id,
        touches.channel_id,
        count(*) as channel_touch_count,
        max(coalesce(effects.removal_effect, 0)) as removal_effect
    from touches
    left join effects on touches.channel_id = effects.channel_id
    group by 1, 2

),

path_totals as (

    select
        conversion_id,
        sum(cast(removal_effect as decimal(38, 18))) as removal_effect_total
    from path_channels
    group by 1

),

path_channels_shared as (

    select
        path_channels.conversion_id,
        path_channels.channel_id,
        {{ safe_divide(
            'cast(cast(path_channels.removal_effect as decimal(38, 18)) as double)',
            'cast(path_totals.removal_effect_total as double)') }}
        / path_channels.channel_touch_count as weight_per_touch
    from path_channels
    inner join path_totals
        on path_channels.conversion_id = path_totals.conversion_id

),

weighted as (

    select
        touches.conversion_id,
        touches.touch_id,
        coalesce(
            path_channels_shared.weight_per_touch,
            cast(1 as double) / touches.touch_count
        ) as markov
    from touches
    inner join path_channels_shared
        on
            touches.conversion_id = path_channels_shared.conversion_id
            and touches.channel_id = path_channels_shared.channel_id

)

select * from weighted
