-- fct_conversion_paths accounts for every journey: its conversions add up
-- to the conversions, its non-converting journeys to the non-converting
-- journeys, and its revenue to the conversions' net revenue. Returns a row
-- when a total differs.
with

journeys as (

    select * from {{ ref('int_journeys_anchored') }}

),

conversions as (

    select * from {{ ref('int_conversions_selected') }}

),

paths as (

    select * from {{ ref('fct_conversion_paths') }}

),

expected as (

    select
        sum(case when is_conversion then 1 else 0 end) as conversion_count,
        sum(case when is_conversion then 0 else 1 end)
            as non_converting_count
    from journeys

),

expected_revenue as (

    select sum(revenue) as revenue from conversions

),

reported as (

    select
        sum(conversion_count) as conversion_count,
        sum(non_converting_count) as non_converting_count,
        sum(revenue) as revenue
    from paths

)

select
    expected.conversion_count as expected_conversions,
    reported.conversion_count as reported_conversions,
    expected.non_converting_count as expected_non_converting,
    reported.non_converting_count as reported_non_converting,
    expected_revenue.revenue as expected_revenue,
    reported.revenue as reported_revenue
from expected
cross join expected_revenue
cross join reported
where
    expected.conversion_count != reported.conversion_count
    or expected.non_converting_count != reported.non_converting_count
    or expected_revenue.revenue != reported.revenue
