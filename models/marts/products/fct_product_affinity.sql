{#- One row per association rule antecedent -> consequent, at product and at
    category level, both directions, for item pairs sharing at least
    var affinity_min_count baskets with support of at least
    var affinity_min_support. A basket is a valid order. Metrics as mlxtend
    defines them; conviction is null when confidence is 1 (infinite). -#}
with

pairs as (

    select * from {{ ref('int_basket_item_pairs_counted') }}

),

products as {{ not_materialized() }} (

    select * from {{ ref('products') }}

),

shares as (

    select
        item_level,
        antecedent_id,
        consequent_id,
        pair_basket_count,
        antecedent_basket_count,
        consequent_basket_count,
        basket_count,
        cast(antecedent_basket_count as double) / basket_count
            as antecedent_support,
        cast(consequent_basket_count as double) / basket_count
            as consequent_support,
        -- support is the metric's name in every reference (mlxtend too)
        cast(pair_basket_count as double)
        / basket_count as support,  -- noqa: RF04
        cast(pair_basket_count as double) / antecedent_basket_count
            as confidence
    from pairs

),

metrics as (

    select
        concat(item_level, ':', antecedent_id, '->', consequent_id)
            as rule_id,
        item_level as rule_level,
        antecedent_id,
        consequent_id,
        pair_basket_count,
        antecedent_basket_count,
        consequent_basket_count,
        basket_count,
        antecedent_support,
        consequent_support,
        support,
        confidence,
        {{ safe_divide('confidence', 'consequent_support') }} as lift,
        support - antecedent_support * consequent_support as leverage,
        case
            when pair_basket_count < antecedent_basket_count
                then (1 - consequent_support) / (1 - confidence)
        end as conviction
    from shares

),

final as (

    select
        metrics.rule_id,
        metrics.rule_level,
        metrics.antecedent_id,
        metrics.consequent_id,
        coalesce(antecedent_products.category, metrics.antecedent_id)
            as antecedent_category,
        coalesce(consequent_products.category, metrics.consequent_id)
            as consequent_category,
        metrics.pair_basket_count,
        metrics.antecedent_basket_count,
        metrics.consequent_basket_count,
        metrics.basket_count,
        cast(metrics.antecedent_support as double) as antecedent_support,
        cast(metrics.consequent_support as double) as consequent_support,
        cast(metrics.support as double) as support,  -- noqa: RF04
        cast(metrics.confidence as double) as confidence,
        cast(metrics.lift as double) as lift,
        cast(metrics.leverage as double) as leverage,
        cast(metrics.conviction as double) as conviction
    from metrics
    left join products as antecedent_products
        on
            metrics.rule_level = 'product'
            and metrics.antecedent_id = antecedent_products.product_id
    left join products as consequent_products
        on
            metrics.rule_level = 'product'
            and metrics.consequent_id = consequent_products.product_id

)

select * from final
