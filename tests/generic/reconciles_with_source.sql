{#- Nothing is dropped silently: every raw row of the source table is either
    in the staged model or in the quarantine, with nothing left over. Fails
    with the three counts when they do not add up. -#}
{% test reconciles_with_source(model, source_name, table_name) %}

with

raw_rows as (

    select count(*) as row_count
    from {{ source(source_name, table_name) }}

),

staged_rows as (

    select count(*) as row_count from {{ model }}

),

quarantined_rows as (

    select count(*) as row_count
    from {{ ref('stg_quarantine__rows') }}
    where source_table = '{{ source_name }}.{{ table_name }}'

)

select
    raw_rows.row_count as raw_row_count,
    staged_rows.row_count as staged_row_count,
    quarantined_rows.row_count as quarantined_row_count
from raw_rows
cross join staged_rows
cross join quarantined_rows
where raw_rows.row_count
    != staged_rows.row_count + quarantined_rows.row_count

{% endtest %}
