{#- One row per conversion and eligible touch with its Markov weight: the
    conversion is shared among the channels on its path in proportion to
    their removal effects, and a channel's share is split equally among its
    touches. A path whose channels all have a zero removal effect (possible
    only in a degenerate chain) is shared equally among its touches. The
    sum runs over an ordered frame so that it rounds alike in every build. -#}
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

path_channels_shared as (

    select
        conversion_id,
        channel_id,
        {{ safe_divide(
            'removal_effect',
            'sum(removal_effect) over (partition by conversion_id order by '
            ~ 'channel_id asc rows between unbounded preceding and '
            ~ 'unbounded following)') }}
        / channel_touch_count as weight_per_touch
    from path_channels

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
