{#- One row per person and product the affinity rules suggest: a
    product-level rule (fct_product_affinity) with lift above
    var recommendation_min_lift whose antecedent the person owns and whose
    consequent the person does not. Score: the best confidence × lift over
    the person's antecedents (ties: the smaller antecedent id is the source);
    affinity_rank orders a person's candidates by score, then product_id. -#}
with

owned as (

    select * from {{ ref('int_customer_products_owned') }}

),

rules as (

    select * from {{ ref('fct_product_affinity') }}
    where
        rule_level = 'product'
        and lift > {{ var('recommendation_min_lift') }}

),

suggested as (

    select
        owned.person_id,
        rules.consequent_id as product_id,
        rules.consequent_category as category,
        rules.antecedent_id as source_product_id,
        rules.confidence * rules.lift as rule_score
    from owned
    inner join rules on owned.product_id = rules.antecedent_id
    left join owned as already_owned
        on
            owned.person_id = already_owned.person_id
            and rules.consequent_id = already_owned.product_id
    where already_owned.product_id is null

),

best_rule as (

    select
        suggested.*,
        row_number() over (
            partition by suggested.person_id, suggested.product_id
            order by suggested.rule_score desc, suggested.source_product_id asc
        ) as source_rank,
        count(*) over (partition by suggested.person_id, suggested.product_id)
            as supporting_rule_count
    from suggested

),

ranked as (

    select
        person_id,
        product_id,
        category,
        source_product_id,
        cast(supporting_rule_count as {{ dbt.type_bigint() }})
            as supporting_rule_count,
        cast(rule_score as double) as score,
        cast(row_number() over (
            partition by person_id
            order by rule_score desc, product_id asc
        ) as integer) as affinity_rank
    from best_rule
    where source_rank = 1

)

select * from ranked
