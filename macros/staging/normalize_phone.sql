{#- A mainland China phone number in E.164 (`+8613812345678`), or null when
    the text is not one. Accepts the spellings seen in the exports: `+86`,
    `0086` and bare `86` prefixes, spaces, dashes, dots and brackets; landlines
    (`021-58881234`) lose their trunk zero. -#}
{% macro normalize_phone(expression) -%}
    {%- set stripped = regex_replace_all(clean_text(expression), '[^0-9+]', '') -%}
    {%- set national -%}
        case
            when {{ stripped }} like '+86%' then substr({{ stripped }}, 4)
            when {{ stripped }} like '0086%' then substr({{ stripped }}, 5)
            when {{ stripped }} like '86%' and length({{ stripped }}) = 13
                then substr({{ stripped }}, 3)
            else {{ stripped }}
        end
    {%- endset -%}
    case
        when {{ regex_full_match(national, '1[3-9][0-9]{9}') }}
            then concat('+86', {{ national }})
        when {{ regex_full_match(national, '0[1-9][0-9]{8,10}') }}
            then concat('+86', substr({{ national }}, 2))
    end
{%- endmacro %}
