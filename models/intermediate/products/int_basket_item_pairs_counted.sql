{#- One row per level, antecedent and consequent item (both directions) that
    share at least var affinity_min_count baskets and reach support
    var affinity_min_support: baskets with both, with each, and all baskets
    of the level. Items below either threshold on their own are pruned
    before the self-join (a pair can never beat its items). -#}
with

basket_items as {{ not_materialized() }} (

    select * from {{ ref('int_basket_items_collected') }}

),

basket_totals as (

    select
        item_level,
        count(distinct order_id) as basket_count
    from basket_items
    group by 1

),

item_counts as (

    select
        item_level,
        item_id,
        count(*) as item_basket_count
    from basket_items
    group by 1, 2

),

frequent_items as (

    select item_counts.*
    from item_counts
    inner join basket_totals
        on item_counts.item_level = basket_totals.item_level
    where
        item_counts.item_basket_count >= {{ var('affinity_min_count') }}
        and item_counts.item_basket_count
        >= {{ var('affinity_min_support') }} * basket_totals.basket_count

),

frequent_basket_items as (

    select basket_items.*
    from basket_items
    inner join frequent_items
        on
            basket_items.item_level = frequent_items.item_level
            and basket_items.item_id = frequent_items.item_id

),

pairs as (

    select
        antecedents.item_level,
        antecedents.item_id as antecedent_id,
        consequents.item_id as consequent_id,
        count(*) as pair_basket_count
    from frequent_basket_items as antecedents
    inner join frequent_basket_items as consequents
        on
            antecedents.item_level = consequents.item_level
            and antecedents.order_id = consequents.order_id
            and antecedents.item_id != consequents.item_id
    group by 1, 2, 3

),

counted as (

    select
        pairs.item_level,
        pairs.antecedent_id,
        pairs.consequent_id,
        cast(pairs.pair_basket_count as {{ dbt.type_bigint() }})
            as pair_basket_count,
        cast(antecedents.item_basket_count as {{ dbt.type_bigint() }})
            as antecedent_basket_count,
        cast(consequents.item_basket_count as {{ dbt.type_bigint() }})
            as consequent_basket_count,
        cast(basket_totals.basket_count as {{ dbt.type_bigint() }})
            as basket_count
    from pairs
    inner join basket_totals on pairs.item_level = basket_totals.item_level
    inner join frequent_items as antecedents
        on
            pairs.item_level = antecedents.item_level
            and pairs.antecedent_id = antecedents.item_id
    inner join frequent_items as consequents
        on
            pairs.item_level = consequents.item_level
            and pairs.consequent_id = consequents.item_id
    where
        pairs.pair_basket_count >= {{ var('affinity_min_count') }}
        and pairs.pair_basket_count
        >= {{ var('affinity_min_support') }} * basket_totals.basket_count

)

select * from counted
