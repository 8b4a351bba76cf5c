{#- One row per scenario and cell of the absorbing chain's transition
    matrix, dense (zeros included). Scenario baseline is the chain as
    observed; scenario remove:<channel> sends every transition into that
    channel to (null) instead. States are numbered (start) = 0, the channels
    in name order, then (conversion) and (null), which absorb (probability 1
    to themselves); cell_index = from_index x state_count + to_index. -#}
with

transitions as {{ not_materialized() }} (

    select * from {{ ref('int_markov_transitions_counted') }}

),

named_states as (

    select from_state as state from transitions
    union all
    select to_state as state from transitions
    union all
    select '(start)' as state
    union all
    select '(conversion)' as state
    union all
    select '(null)' as state

),

distinct_states as (

    select distinct
        state,
        case state
            when '(start)' then 0
            when '(conversion)' then 2
            when '(null)' then 3
            else 1
        end as state_rank
    from named_states

),

states as (

    select
        state,
        state_rank,
        row_number() over (order by state_rank asc, state asc) - 1
            as state_index,
        count(*) over () as state_count,
        cast(
            sum(case when state_rank < 2 then 1 else 0 end) over ()
            as {{ dbt.type_bigint() }}
        ) as transient_count
    from distinct_states

),

scenarios as (

    select
        'baseline' as scenario_id,
        cast(null as {{ dbt.type_string() }}) as removed_channel_id
    union all
    select
        concat('remove:', state) as scenario_id,
        state as removed_channel_id
    from states
    where state_rank = 1

),

scenario_transitions as (

    select
        scenarios.scenario_id,
        transitions.from_state,
        case
            when transitions.to_state = scenarios.removed_channel_id
                then '(null)'
            else transitions.to_state
        end as to_state,
        transitions.transition_probability
    from scenarios
    cross join transitions
    union all
    select
        scenarios.scenario_id,
        absorbing.state as from_state,
        absorbing.state as to_state,
        cast(1 as double) as transition_probability
    from scenarios
    cross join states as absorbing
    where absorbing.state_rank >= 2

),

cells_observed as (

    select
        scenario_transitions.scenario_id,
        from_states.state_index as from_index,
        to_states.state_index as to_index,
        sum(scenario_transitions.transition_probability) as probability
    from scenario_transitions
    inner join states as from_states
        on scenario_transitions.from_state = from_states.state
    inner join states as to_states
        on scenario_transitions.to_state = to_states.state
    group by 1, 2, 3

),

cells as (

    select
        scenarios.scenario_id,
        from_states.state_index * from_states.state_count
        + to_states.state_index as cell_index,
        scenarios.removed_channel_id,
        from_states.state as from_state,
        to_states.state as to_state,
        from_states.state_index as from_index,
        to_states.state_index as to_index,
        from_states.state_count,
        from_states.transient_count,
        coalesce(cells_observed.probability, 0) as probability
    from scenarios
    cross join states as from_states
    cross join states as to_states
    left join cells_observed
        on
            scenarios.scenario_id = cells_observed.scenario_id
            and from_states.state_index = cells_observed.from_index
            and to_states.state_index = cells_observed.to_index

)

select * from cells
