{#- Statistical disclosure control for a grid of person counts, in portable
    SQL. `cells` is a CTE with one row per grid, row and column
    (`grid_key`, `row_key`, `column_key`), a count `person_count` and
    `is_suppressed` (the primary suppression). Each pass suppresses, in every
    row and every column that holds exactly one suppressed cell, the smallest
    visible cell of that line (ties: the smaller key), so that a suppressed
    value cannot be recovered by subtraction from the line's total. Passes
    are unrolled (`passes` of them; a newly suppressed cell can leave a
    single suppressed cell in the crossing line, hence several), which needs
    no recursive CTE. Emits CTEs `<prefix>_1` .. `<prefix>_<passes>`, each
    with the columns of `cells` plus `suppressed_in_pass` (0 primary, k
    complementary in pass k, null visible); the last one is the result. -#}
{% macro complementary_suppression_passes(
    cells, grid_key, row_key, column_key, passes, prefix='suppression_pass'
) -%}
    {%- for pass_number in range(1, passes + 1) -%}
        {%- set previous = cells if pass_number == 1
            else prefix ~ '_' ~ (pass_number - 1) -%}
{{ prefix }}_{{ pass_number }}_ranked as (

    select
        {{ previous }}.*,
        sum(case when is_suppressed then 1 else 0 end) over (
            partition by {{ grid_key }}, {{ row_key }}
        ) as row_suppressed_count,
        sum(case when is_suppressed then 1 else 0 end) over (
            partition by {{ grid_key }}, {{ column_key }}
        ) as column_suppressed_count,
        row_number() over (
            partition by {{ grid_key }}, {{ row_key }}
            order by
                case when is_suppressed then 1 else 0 end asc,
                person_count asc nulls last,
                {{ column_key }} asc
        ) as row_visible_rank,
        row_number() over (
            partition by {{ grid_key }}, {{ column_key }}
            order by
                case when is_suppressed then 1 else 0 end asc,
                person_count asc nulls last,
                {{ row_key }} asc
        ) as column_visible_rank
    from {{ previous }}

),

{{ prefix }}_{{ pass_number }} as (

    select
        {{ grid_key }},
        {{ row_key }},
        {{ column_key }},
        person_count,
        is_primary_suppressed,
        is_suppressed
        or (row_suppressed_count = 1 and row_visible_rank = 1)
        or (column_suppressed_count = 1 and column_visible_rank = 1)
            as is_suppressed,
        case
            when is_suppressed then suppressed_in_pass
            when
                (row_suppressed_count = 1 and row_visible_rank = 1)
                or (column_suppressed_count = 1 and column_visible_rank = 1)
                then {{ pass_number }}
        end as suppressed_in_pass
    from {{ prefix }}_{{ pass_number }}_ranked

){{ ',' if not loop.last }}
    {% endfor -%}
{%- endmacro %}
