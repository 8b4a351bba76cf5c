{#- Nothing is dropped silently: every raw row of the source table is in
    the staged model, in the quarantine, or removed because its person asked
    to be erased, with nothing left over. Fails with the counts when they do
    not add up. -#}
{% test reconciles_with_source(model, source_name, table_name) %}
{%- set table = source_name ~ '.' ~ table_name -%}
{%- set base = ref('base_' ~ source_name ~ '__' ~ table_name) -%}

with

raw_rows as (

    select count(*) as row_count
    from {{ source(source_name, table_name) }}

),

staged_rows as (

    select count(*) as row_count from {{ model }}

),

erased_rows as (

    {#- Each check reads only its own rows: staged rows by record key,
        refused rows by their identifiers. One check over every row
        hashed both for each (twice the time at 100,000 people). #}
    select
        (
            select count(*)
            from {{ base }}
            where
                quarantine_reason is null
                and not ({{ erasure_filter(table) }})
        )
        + (
            select count(*)
            from {{ base }}
            where
                quarantine_reason is not null
                and not ({{ erasure_filter(table, by_identifiers=true) }})
        ) as row_count

),

quarantined_rows as (

    select count(*) as row_count
    from {{ ref('stg_quarantine__rows') }}
    where source_table = '{{ table }}'

)

select
    raw_rows.row_count as raw_row_count,
    staged_rows.row_count as staged_row_count,
    quarantined_rows.row_count as quarantined_row_count,
    erased_rows.row_count as erased_row_count
from raw_rows
cross join staged_rows
cross join quarantined_rows
cross join erased_rows
where raw_rows.row_count
    != staged_rows.row_count + quarantined_rows.row_count
    + erased_rows.row_count

{% endtest %}
