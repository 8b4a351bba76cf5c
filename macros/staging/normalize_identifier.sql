{#- Normalises an identifier whose type is given in another column (consents,
    erasure requests, campaign audiences): phones to E.164, e-mails trimmed
    and lower-cased, device ids lower-cased, anything else trimmed. -#}
{% macro normalize_identifier(type_expression, value_expression) -%}
    case lower({{ clean_text(type_expression) }})
        when 'phone' then {{ normalize_phone(value_expression) }}
        when 'email' then {{ normalize_email(value_expression) }}
        when 'device' then lower({{ clean_text(value_expression) }})
        else {{ clean_text(value_expression) }}
    end
{%- endmacro %}

{#- A city name without the 市 suffix, so that 上海市 and 上海 agree. -#}
{% macro city_name(expression) -%}
    {{ regex_replace_all(clean_text(expression), '市$', '') }}
{%- endmacro %}
