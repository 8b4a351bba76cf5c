-- The Markov power iteration converged in every scenario: the mass left in
-- transient states is below attribution_markov_tolerance within
-- attribution_markov_max_iterations. A scenario that did not fails the
-- build (and skips everything that reads the chain).
select
    scenario_id,
    iteration_count,
    remaining_transient_mass
from {{ ref('int_markov_chains_solved') }}
where not has_converged
