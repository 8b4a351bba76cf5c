{#- One row per person and product the affinity rules suggest: a
    product-level rule (fct_product_affinity) with lift above
    var recommendation_min_lift whose antecedent the person owns and whose
    consequent the person does not. Score: the best confidence × lift over
    the person's antecedents (ties: the smaller antecedent id is the source);
    affinity_rank orders a person's candidates by score, then product_id.
    The rules are few, so each consequent's rules are ranked once (score,
    then antecedent id) and a person's best rule is the smallest rank among
    the rules they own the antecedent of: a grouped minimum, not a window
    over every (person, rule) pair. -#}
with

owned as {{ not_materialized() }} (

    select * from {{ ref('int_customer_products_owned') }}

),

rules as (

    select
        antecedent_id as source_product_id,
        consequent_id as product_id,
        consequent_category as category,
        confidence * lift as rule_score,
        row_number() over (
            partition by consequent_id
            order by confidence * lift desc, antecedent_id asc
        ) as rule_rank
    from {{ ref('fct_product_affinity') }}
    where
        rule_level = 'product'
        and lift > {{ var('recommendation_min_lift') }}

),

suggested as (

    select
        owned.person_id,
        rules.product_id,
        min(rules.rule_rank) as best_rule_rank,
        count(*) as supporting_rule_count
    from owned
    inner join rules on owned.product_id = rules.source_product_id
    left join owned as already_owned
        on
            owned.person_id = already_owned.person_id
            and rules.product_id = already_owned.product_id
    where already_owned.product_id is null
    group by 1, 2

),

best_rule as (

    select
        suggested.person_id,
        suggested.product_id,
        rules.category,
        rules.source_product_id,
        suggested.supporting_rule_count,
        rules.rule_score
    from suggested
    inner join rules
        on
            suggested.product_id = rules.product_id
            and suggested.best_rule_rank = rules.rule_rank

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

)

select * from ranked
