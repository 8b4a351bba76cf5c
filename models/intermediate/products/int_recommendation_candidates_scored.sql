{#- One row per person and product the affinity rules suggest: a
    product-level rule (fct_product_affinity) with lift above
    var recommendation_min_lift whose antecedent the person owns and whose
    consequent the person does not. Score: the best confidence × lift over
    the person's antecedents (ties: the smaller antecedent id is the source);
    affinity_rank orders a person's candidates by score, then product_id.
    The rules are few, so each consequent's rules are ranked once (score,
    then antecedent id) and a person's best rule is the smallest rank among
    the rules they own the antecedent of: a grouped minimum, not a window
    over every (person, rule) pair. The (person, rule) pairs are many (tens
    of millions at a million people), so they are joined, grouped and
    ranked on numbers (persons by person_id, the rules' products by
    product_id) and the ids are joined back at the end. -#}
with

owned as {{ not_materialized() }} (

    select * from {{ ref('int_customer_products_owned') }}

),

rules_ranked as (

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

rule_products as (

    select
        product_id,
        dense_rank() over (order by product_id) as product_number
    from (
        select source_product_id as product_id from rules_ranked
        union
        select product_id from rules_ranked
    ) as rule_product_ids

),

rules as (

    select
        rules_ranked.*,
        sources.product_number as source_number,
        consequents.product_number
    from rules_ranked
    inner join rule_products as sources
        on rules_ranked.source_product_id = sources.product_id
    inner join rule_products as consequents
        on rules_ranked.product_id = consequents.product_id

),

persons as (

    select
        person_id,
        row_number() over (order by person_id) as person_number
    from owned
    group by 1

),

owned_numbered as (

    select
        persons.person_number,
        rule_products.product_number
    from owned
    inner join persons on owned.person_id = persons.person_id
    inner join rule_products on owned.product_id = rule_products.product_id

),

suggested as (

    select
        owned_numbered.person_number,
        rules.product_number,
        min(rules.rule_rank) as best_rule_rank,
        count(*) as supporting_rule_count
    from owned_numbered
    inner join rules on owned_numbered.product_number = rules.source_number
    left join owned_numbered as already_owned
        on
            owned_numbered.person_number = already_owned.person_number
            and rules.product_number = already_owned.product_number
    where already_owned.product_number is null
    group by 1, 2

),

best_rule as (

    select
        suggested.person_number,
        suggested.supporting_rule_count,
        rules.product_id,
        rules.category,
        rules.source_product_id,
        rules.rule_score,
        row_number() over (
            partition by suggested.person_number
            order by rules.rule_score desc, rules.product_number asc
        ) as affinity_rank
    from suggested
    inner join rules
        on
            suggested.product_number = rules.product_number
            and suggested.best_rule_rank = rules.rule_rank

),

ranked as (

    select
        persons.person_id,
        best_rule.product_id,
        best_rule.category,
        best_rule.source_product_id,
        cast(best_rule.supporting_rule_count as {{ dbt.type_bigint() }})
            as supporting_rule_count,
        cast(best_rule.rule_score as double) as score,
        cast(best_rule.affinity_rank as integer) as affinity_rank
    from best_rule
    inner join persons on best_rule.person_number = persons.person_number

)

select * from ranked
