-- For every conversion and attribution model, credit_conversions sums to 1
-- and credit_revenue to the order's net revenue (within floating-point
-- rounding: 1e-9 of a conversion, 1e-6 CNY). A conversion missing from a
-- model also fails. Returns the offending conversion-model pairs.
with

conversions as (

    select * from {{ ref('int_conversions_selected') }}

),

credits as (

    select * from {{ ref('fct_attribution_credits') }}

),

models as (

    {{ attribution_models_select() }}

),

credit_totals as (

    select
        conversion_id,
        attribution_model,
        sum(credit_conversions) as total_credit,
        sum(credit_revenue) as total_revenue_credit
    from credits
    group by 1, 2

),

expected as (

    select
        conversions.conversion_id,
        models.attribution_model,
        cast(conversions.revenue as double) as revenue
    from conversions
    cross join models

)

select
    expected.conversion_id,
    expected.attribution_model,
    expected.revenue,
    credit_totals.total_credit,
    credit_totals.total_revenue_credit
from expected
left join credit_totals
    on
        expected.conversion_id = credit_totals.conversion_id
        and expected.attribution_model = credit_totals.attribution_model
where
    credit_totals.conversion_id is null
    or abs(credit_totals.total_credit - 1) > 1e-9
    or abs(credit_totals.total_revenue_credit - expected.revenue) > 1e-6
