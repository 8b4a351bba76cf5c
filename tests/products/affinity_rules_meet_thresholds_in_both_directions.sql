-- Every rule of fct_product_affinity shares at least var affinity_min_count
-- baskets, has support of at least var affinity_min_support, and its
-- reverse rule is there too with the same support, lift and leverage.
-- Returns the offending rules.
with

rules as (

    select * from {{ ref('fct_product_affinity') }}

)

select rules.rule_id
from rules
left join rules as reverse_rules
    on
        rules.rule_level = reverse_rules.rule_level
        and rules.antecedent_id = reverse_rules.consequent_id
        and rules.consequent_id = reverse_rules.antecedent_id
where
    rules.pair_basket_count < {{ var('affinity_min_count') }}
    or rules.support < {{ var('affinity_min_support') }}
    or reverse_rules.rule_id is null
    or abs(rules.support - reverse_rules.support) > 1e-12
    or abs(rules.lift - reverse_rules.lift) > 1e-9
    or abs(rules.leverage - reverse_rules.leverage) > 1e-12
