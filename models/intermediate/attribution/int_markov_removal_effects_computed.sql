{#- One row per channel of the Markov chain with its removal effect: the
    share of the chain's conversion probability lost when the channel is
    removed, RE = (P - P without the channel) / P, and its share of the sum
    of all removal effects. -#}
with

chains as {{ not_materialized() }} (

    select * from {{ ref('int_markov_chains_solved') }}

),

baseline as (

    select conversion_probability from chains
    where scenario_id = 'baseline'

),

effects as (

    select
        chains.removed_channel_id as channel_id,
        baseline.conversion_probability as baseline_conversion_probability,
        chains.conversion_probability as removed_conversion_probability,
        coalesce({{ safe_divide(
            'baseline.conversion_probability - chains.conversion_probability',
            'baseline.conversion_probability') }}, 0) as removal_effect
    from chains
    cross join baseline
    where chains.removed_channel_id is not null

),

effects_shared as (

    select
        channel_id,
        baseline_conversion_probability,
        removed_conversion_probability,
        removal_effect,
        coalesce(
            {{ safe_divide(
                'removal_effect',
                'sum(removal_effect) over (order by channel_id asc rows '
                ~ 'between unbounded preceding and unbounded following)') }},
            0
        ) as removal_effect_share
    from effects

)

select * from effects_shared
