{#- A deterministic draw, uniform in [0, 1), from a text value: the first
    eight hex digits of dbt.hash (md5, the same on every engine) read as an
    unsigned 32-bit integer and divided by 2^32. The same value always gets
    the same draw, on every build and on every engine. -#}
{% macro unit_interval_hash(expression) -%}
    (
        cast({{ hex_to_bigint(
            'substr(' ~ dbt.hash(expression) ~ ', 1, 8)') }} as double)
        / 4294967296.0
    )
{%- endmacro %}

{#- Hexadecimal text (at most 15 digits) to a bigint. -#}
{% macro hex_to_bigint(expression) -%}
    {{ return(adapter.dispatch('hex_to_bigint', 'precision_marketing')(expression)) }}
{%- endmacro %}

{% macro duckdb__hex_to_bigint(expression) -%}
    cast(concat('0x', {{ expression }}) as bigint)
{%- endmacro %}

{% macro spark__hex_to_bigint(expression) -%}
    cast(conv({{ expression }}, 16, 10) as bigint)
{%- endmacro %}

{#- Any other engine: each digit's position in '0123456789abcdef' times its
    power of 16 (lower-case hex, as md5 writes it; eight digits). -#}
{% macro default__hex_to_bigint(expression) -%}
    (
        {%- for position in range(8) %}
        (instr('0123456789abcdef', substr({{ expression }}, {{ position + 1 }}, 1)) - 1)
        * {{ 16 ** (7 - position) }}{{ ' +' if not loop.last }}
        {%- endfor %}
    )
{%- endmacro %}
