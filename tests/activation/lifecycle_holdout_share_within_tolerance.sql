-- The holdout share is close to var action_holdout_share. Over every person
-- and action the assignment covers (dim_customers × lifecycle_actions, some
-- 10,000 pairs on the demo data) it must be within 2 points. On the rows of
-- fct_lifecycle_actions (a few dozen per day) a 2-point band would test
-- luck: there the share must lie within 2 points or a 99.9% binomial band
-- (3.29 standard errors), whichever is wider; a broken assignment (all or
-- nothing held out, or a filter applied after it) still fails. Returns the
-- failing checks.
{%- set share = var('action_holdout_share') %}
with

persons as (

    select person_id from {{ ref('dim_customers') }}

),

actions as (

    select action from {{ ref('lifecycle_actions') }}

),

due as (

    select * from {{ ref('fct_lifecycle_actions') }}

),

assignments as (

    select
        {{ unit_interval_hash(
            "concat(persons.person_id, '|', actions.action, '|', '"
            ~ var('action_holdout_salt') ~ "')") }} as holdout_draw
    from persons
    cross join actions

),

checks as (

    select
        'all person × action assignments' as population,
        count(*) as row_count,
        avg(case when holdout_draw < {{ share }} then 1.0 else 0.0 end)
            as holdout_share,
        0.02 as tolerance
    from assignments

    union all

    select
        'fct_lifecycle_actions rows' as population,
        count(*) as row_count,
        avg(case when is_holdout then 1.0 else 0.0 end) as holdout_share,
        greatest(
            0.02,
            3.29 * sqrt({{ share }} * (1 - {{ share }}) / count(*))
        ) as tolerance
    from due

)

select * from checks
where row_count > 0 and abs(holdout_share - {{ share }}) > tolerance
