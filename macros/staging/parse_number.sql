{#- Money in the currency unit, as decimal(18, 2); null when the text is not
    a plain number (thousands separators, currency signs and words are not
    guessed at: the row goes to quarantine instead). -#}
{% macro parse_amount(expression) -%}
    case
        when {{ regex_full_match(clean_text(expression), '-?[0-9]+([.][0-9]+)?') }}
            then {{ dbt.safe_cast(clean_text(expression), 'decimal(18, 2)') }}
    end
{%- endmacro %}

{#- A whole number, sign allowed; null for anything else ("1.5", "two"). -#}
{% macro parse_integer(expression) -%}
    case
        when {{ regex_full_match(clean_text(expression), '-?[0-9]+') }}
            then {{ dbt.safe_cast(clean_text(expression), dbt.type_bigint()) }}
    end
{%- endmacro %}

{#- A decimal fraction or score, as double; null when not a number. -#}
{% macro parse_decimal(expression) -%}
    case
        when {{ regex_full_match(clean_text(expression), '-?[0-9]+([.][0-9]+)?') }}
            then {{ dbt.safe_cast(clean_text(expression), 'double') }}
    end
{%- endmacro %}

{#- An ISO date (YYYY-MM-DD); null for impossible dates such as 02-30. -#}
{% macro parse_date(expression) -%}
    {{ dbt.safe_cast(clean_text(expression), 'date') }}
{%- endmacro %}

{#- A boolean from the spellings exports use (true/false, 1/0, y/n, yes/no). -#}
{% macro parse_boolean(expression) -%}
    case
        when lower({{ clean_text(expression) }}) in ('true', '1', 'y', 'yes', 't')
            then true
        when lower({{ clean_text(expression) }}) in ('false', '0', 'n', 'no', 'f')
            then false
    end
{%- endmacro %}
