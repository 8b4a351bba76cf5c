{#- One row per campaign or lifecycle action with a holdout: persons,
    conversion and revenue per person by group, uplift, a two-proportion
    z-test (pooled standard error, two-sided p-value) and a Wald interval
    for the difference of conversion rates (unpooled standard error) at var
    experiment_confidence_level. -#}
with

groups as (

    select * from {{ ref('int_experiment_groups_counted') }}

),

rates as (

    select
        groups.*,
        {{ safe_divide('treatment_converted_count',
                       'treatment_person_count') }} as treatment_rate,
        {{ safe_divide('holdout_converted_count',
                       'holdout_person_count') }} as holdout_rate,
        {{ safe_divide('treatment_converted_count + holdout_converted_count',
                       'treatment_person_count + holdout_person_count') }}
            as pooled_rate
    from groups

),

standard_errors as (

    select
        rates.*,
        rates.treatment_rate - rates.holdout_rate as absolute_uplift,
        sqrt(
            rates.pooled_rate * (1 - rates.pooled_rate) * (
                {{ safe_divide('1.0', 'treatment_person_count') }}
                + {{ safe_divide('1.0', 'holdout_person_count') }}
            )
        ) as pooled_standard_error,
        sqrt(
            {{ safe_divide('treatment_rate * (1 - treatment_rate)',
                           'treatment_person_count') }}
            + {{ safe_divide('holdout_rate * (1 - holdout_rate)',
                             'holdout_person_count') }}
        ) as unpooled_standard_error
    from rates

),

tested as (

    select
        standard_errors.*,
        {{ safe_divide('absolute_uplift', 'pooled_standard_error') }}
            as z_score
    from standard_errors

),

final as (

    select
        experiment_id,
        experiment_type,
        experiment_key,
        channel_id,
        cast(treatment_person_count as {{ dbt.type_bigint() }})
            as treatment_person_count,
        cast(holdout_person_count as {{ dbt.type_bigint() }})
            as holdout_person_count,
        cast(treatment_converted_count as {{ dbt.type_bigint() }})
            as treatment_converted_count,
        cast(holdout_converted_count as {{ dbt.type_bigint() }})
            as holdout_converted_count,
        cast(treatment_revenue as decimal(18, 2)) as treatment_revenue,
        cast(holdout_revenue as decimal(18, 2)) as holdout_revenue,
        cast(treatment_rate as double) as treatment_conversion_rate,
        cast(holdout_rate as double) as holdout_conversion_rate,
        cast(
            {{ safe_divide('treatment_revenue', 'treatment_person_count') }}
            as double
        ) as treatment_revenue_per_person,
        cast(
            {{ safe_divide('holdout_revenue', 'holdout_person_count') }}
            as double
        ) as holdout_revenue_per_person,
        cast(absolute_uplift as double) as absolute_uplift,
        cast({{ safe_divide('absolute_uplift', 'holdout_rate') }} as double)
            as relative_uplift,
        cast(
            {{ safe_divide('treatment_revenue', 'treatment_person_count') }}
            - {{ safe_divide('holdout_revenue', 'holdout_person_count') }}
            as double
        ) as revenue_uplift_per_person,
        cast(z_score as double) as z_score,
        cast({{ normal_two_sided_p_value('z_score') }} as double) as p_value,
        cast(
            absolute_uplift
            - {{ normal_critical_value() }} * unpooled_standard_error
            as double
        ) as uplift_ci_lower,
        cast(
            absolute_uplift
            + {{ normal_critical_value() }} * unpooled_standard_error
            as double
        ) as uplift_ci_upper,
        coalesce(
            {{ normal_two_sided_p_value('z_score') }}
            < 1 - {{ var('experiment_confidence_level') }},
            false
        ) as is_significant,
        is_outcome_observed,
        assignment_date
    from tested

)

select * from final
