{#- The hash a partner sends for one of our phones or e-mails: the value
    normalised as the partner normalises it (E.164 phone, trimmed lower-case
    e-mail), then partner_hash() (SHA-256 of the agreed salt followed by the
    value). Null for other identifier types and for values that do not
    normalise: DuckDB's concat() treats a null as '', which would otherwise
    hash the salt alone. -#}
{% macro partner_identifier_hash(identifier_type, expression) -%}
    {%- set phone = normalize_phone(expression) -%}
    {%- set email = normalize_email(expression) -%}
    case
        when {{ identifier_type }} = 'phone' and {{ phone }} is not null
            then {{ partner_hash(phone) }}
        when {{ identifier_type }} = 'email' and {{ email }} is not null
            then {{ partner_hash(email) }}
    end
{%- endmacro %}
