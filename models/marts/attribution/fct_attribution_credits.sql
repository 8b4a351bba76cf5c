{#- One row per conversion, attribution model and touch the model credits,
    with the touch's credit: credit_conversions (the weight; they sum to 1
    per conversion and model) and credit_revenue (weight x the order's net
    revenue). A touch a model gives nothing has no row under it: the
    single-touch models credit one touch per conversion, so the rows of
    weight 0 were a third of the table at 1M people (63M of 205M). A
    conversion with no eligible touch gets one row per model on channel
    (none) with the whole credit, so nothing is dropped. -#}
with

conversions as {{ not_materialized() }} (

    select * from {{ ref('int_conversions_selected') }}

),

roles as (

    select * from {{ ref('int_conversion_roles_assigned') }}

),

rule_weights as (

    select * from {{ ref('int_attribution_weights_computed') }}

),

markov_weights as (

    select * from {{ ref('int_markov_weights_computed') }}

),

touch_rows as (

    {#- The rule weights carry the touch's channel, type, role status and
        position, so the touches and roles are not joined again here. #}
    select
        rule_weights.conversion_id,
        rule_weights.touch_id,
        {% for model in attribution_model_names() if model != 'markov' -%}
            rule_weights.{{ model }},
        {% endfor -%}
        markov_weights.markov,
        conversions.person_id,
        rule_weights.channel_id as channel,
        rule_weights.touch_type,
        rule_weights.key_touch_status,
        rule_weights.touch_position,
        rule_weights.touch_count,
        cast(conversions.revenue as double) as revenue,
        conversions.is_first_purchase,
        conversions.conversion_month,
        rule_weights.touched_at,
        conversions.converted_at
    from rule_weights
    inner join markov_weights
        on
            rule_weights.conversion_id = markov_weights.conversion_id
            and rule_weights.touch_id = markov_weights.touch_id
    inner join conversions
        on rule_weights.conversion_id = conversions.conversion_id

),

weights as (

    {{ attribution_weights_unpivoted('touch_rows', [
        'conversion_id', 'touch_id', 'person_id', 'channel', 'touch_type',
        'key_touch_status', 'touch_position', 'touch_count', 'revenue',
        'is_first_purchase', 'conversion_month', 'touched_at', 'converted_at'
    ]) }}

),

models as (

    {{ attribution_models_select() }}

),

touch_credits as (

    select
        conversion_id,
        attribution_model,
        touch_id,
        person_id,
        channel,
        touch_type,
        key_touch_status,
        touch_position,
        touch_count,
        cast(weight as double) as credit_conversions,
        weight * revenue as credit_revenue,
        is_first_purchase,
        conversion_month,
        touched_at,
        converted_at
    from weights
    where weight != 0

),

untouched_credits as (

    select
        conversions.conversion_id,
        models.attribution_model,
        cast(null as {{ dbt.type_string() }}) as touch_id,
        conversions.person_id,
        '(none)' as channel,
        cast(null as {{ dbt.type_string() }}) as touch_type,
        'no_touch' as key_touch_status,
        cast(null as {{ dbt.type_bigint() }}) as touch_position,
        cast(0 as {{ dbt.type_bigint() }}) as touch_count,
        cast(1 as double) as credit_conversions,
        cast(conversions.revenue as double) as credit_revenue,
        conversions.is_first_purchase,
        conversions.conversion_month,
        cast(null as {{ dbt.type_timestamp() }}) as touched_at,
        conversions.converted_at
    from conversions
    cross join models
    left join roles on conversions.conversion_id = roles.conversion_id
    where roles.conversion_id is null

),

credits as (

    select * from touch_credits
    union all
    select * from untouched_credits

)

select * from credits
