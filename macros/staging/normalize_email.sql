{#- A trimmed, lower-cased e-mail address, or null when it has no single `@`
    with a dotted domain after it. -#}
{% macro normalize_email(expression) -%}
    case
        when {{ regex_full_match('lower(' ~ clean_text(expression) ~ ')',
                                 '[^@ ]+@[^@ ]+[.][^@ ]+') }}
            then lower({{ clean_text(expression) }})
    end
{%- endmacro %}
