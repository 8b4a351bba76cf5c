{#- Runs before every build (on-run-start): a wrong var fails at once with a
    message that names the var, the value and what is expected, instead of a
    SQL error deep in some model. -#}
{% macro validate_vars() %}
    {%- if execute -%}
        {%- set problems = [] -%}
        {%- set as_of = var('as_of_date') | string -%}
        {%- if not is_iso_date(as_of) -%}
            {%- do problems.append("as_of_date is '" ~ as_of ~ "'; expected a real calendar date written YYYY-MM-DD, e.g. 2025-12-31") -%}
        {%- endif -%}
        {%- for name, allowed in var('enumerated_vars').items() -%}
            {%- if var(name) not in allowed -%}
                {%- do problems.append(name ~ " is '" ~ var(name) ~ "'; expected one of " ~ allowed | join(', ')) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- for name, bounds in var('numeric_vars').items() -%}
            {%- set value = var(name) -%}
            {%- if value is not number or value is sameas true or value is sameas false -%}
                {%- do problems.append(name ~ " is '" ~ value ~ "'; expected a number between " ~ bounds[0] ~ " and " ~ bounds[1]) -%}
            {%- elif value < bounds[0] or value > bounds[1] -%}
                {%- do problems.append(name ~ " is " ~ value ~ "; expected a number between " ~ bounds[0] ~ " and " ~ bounds[1]) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set review = var('identity_match_review_threshold') -%}
        {%- set threshold = var('identity_match_threshold') -%}
        {%- if review is number and threshold is number and review > threshold -%}
            {%- do problems.append("identity_match_review_threshold is " ~ review ~ "; expected at most identity_match_threshold (" ~ threshold ~ ")") -%}
        {%- endif -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(
                "Invalid project vars:\n  - " ~ problems | join("\n  - ")
                ~ "\nFix them in dbt_project.yml or in --vars on the command line.") }}
        {%- endif -%}
    {%- endif -%}
    select 1
{% endmacro %}

{#- True for a real date written YYYY-MM-DD (2025-02-30 is not one). -#}
{% macro is_iso_date(text) -%}
    {%- if not modules.re.match('^\d{4}-\d{2}-\d{2}$', text) -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set year, month, day = text[0:4] | int, text[5:7] | int, text[8:10] | int -%}
    {%- set leap = (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 -%}
    {%- set lengths = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] -%}
    {{ return(1 <= month <= 12 and 1 <= day <= lengths[month - 1]) }}
{%- endmacro %}
