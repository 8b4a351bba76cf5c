{#- One row per Markov scenario (baseline, and one per channel removed) with
    the probability that a journey starting at (start) is absorbed in
    (conversion). Power iteration in SQL: the state vector starts with all
    its mass at (start) and is multiplied by the transition matrix until the
    mass left in transient states is below attribution_markov_tolerance, or
    attribution_markov_max_iterations is reached; has_converged says which,
    and a test fails the build when it is false. The bounded recursive CTE
    (UNION ALL) runs on DuckDB and Spark; the array arithmetic dispatches. -#}
{%- set tolerance = var('attribution_markov_tolerance') -%}
{%- set max_iterations = var('attribution_markov_max_iterations') | int -%}
with recursive

cells as (

    select * from {{ ref('int_markov_matrices_built') }}

),

matrices as (

    select
        scenario_id,
        max(removed_channel_id) as removed_channel_id,
        cast(max(state_count) as {{ dbt.type_int() }}) as state_count,
        cast(max(transient_count) as {{ dbt.type_int() }}) as transient_count,
        cast(
            max(case when to_state = '(conversion)' then to_index end)
            as {{ dbt.type_int() }}
        ) as conversion_index,
        {{ markov_ordered_array('probability', 'cell_index') }}
            as transition_matrix
    from cells
    group by 1

),

{{ recursive_cte_header(
    'iterations',
    ['scenario_id', 'iteration_number', 'state_masses'],
    max_iterations + 2) }} as (

    select
        scenario_id,
        0 as iteration_number,
        {{ markov_unit_vector('state_count', 0) }} as state_masses
    from matrices
    union all
    select
        iterations.scenario_id,
        iterations.iteration_number + 1 as iteration_number,
        {{ markov_vector_times_matrix(
            'iterations.state_masses',
            'matrices.transition_matrix',
            'matrices.state_count') }} as state_masses
    from iterations
    inner join matrices on iterations.scenario_id = matrices.scenario_id
    where
        iterations.iteration_number < {{ max_iterations }}
        and {{ markov_prefix_sum(
            'iterations.state_masses', 'matrices.transient_count') }}
        >= {{ tolerance }}

),

iterations_measured as (

    select
        iterations.scenario_id,
        matrices.removed_channel_id,
        iterations.iteration_number,
        {{ markov_array_element(
            'iterations.state_masses', 'matrices.conversion_index') }}
            as conversion_probability,
        {{ markov_prefix_sum(
            'iterations.state_masses', 'matrices.transient_count') }}
            as remaining_transient_mass,
        row_number() over (
            partition by iterations.scenario_id
            order by iterations.iteration_number desc
        ) as recency
    from iterations
    inner join matrices on iterations.scenario_id = matrices.scenario_id

),

chains_solved as (

    select
        scenario_id,
        removed_channel_id,
        cast(conversion_probability as double) as conversion_probability,
        cast(remaining_transient_mass as double) as remaining_transient_mass,
        iteration_number as iteration_count,
        remaining_transient_mass < {{ tolerance }} as has_converged
    from iterations_measured
    where recency = 1

)

select * from chains_solved
