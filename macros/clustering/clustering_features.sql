{#- The behaviour features of int_customer_features, in the order of the
    seed cluster_features: the columns that are ranked and profiled. The
    seed decides which of them k-means uses. -#}
{% macro clustering_feature_names() -%}
    {{ return([
        'recency_days',
        'frequency',
        'monetary',
        'average_order_value',
        'discount_share',
        'unit_price_percentile',
        'late_night_share',
        'weekend_share',
        'items_per_basket',
        'category_count',
        'online_share',
    ]) }}
{%- endmacro %}
