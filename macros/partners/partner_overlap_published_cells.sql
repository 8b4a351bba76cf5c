{#- The published partner overlap mart as one row per cell of each measure
    grid (measure, partner, tier), with the published count and its flag:
    what the suppression tests read. -#}
{% macro partner_overlap_published_cells() -%}
    {%- set measures = [
        ('customers', 'customer_count'),
        ('matched_customers', 'matched_customer_count'),
        ('content_readers', 'content_reader_count'),
        ('category_buyers', 'category_buyer_count'),
    ] -%}
    {%- for measure, column in measures %}
    select
        '{{ measure }}' as measure_name,
        partner_id,
        rfm_tier,
        {{ column }} as person_count,
        is_{{ column }}_suppressed as is_suppressed
    from {{ ref('fct_partner_overlap') }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
