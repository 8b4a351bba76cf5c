{#- How a person's recommendation slots split, computed once at compile time
    so that both engines agree: floor(N × (1 − share)) affinity slots and the
    rest exploration. A tiny epsilon absorbs binary floating point (5 × 0.8
    must give 4, not 3.999...). -#}
{% macro recommendation_affinity_slots() -%}
    {%- set slots = var('recommendation_slots') | int -%}
    {%- set share = var('recommendation_exploration_share') | float -%}
    {{ return(((slots * (1 - share)) + 0.000000001) | round(0, 'floor') | int) }}
{%- endmacro %}

{% macro recommendation_exploration_slots() -%}
    {{ return((var('recommendation_slots') | int) - recommendation_affinity_slots()) }}
{%- endmacro %}
