{#- Each source table's quarantined rows carry only the reasons its base
    model is documented to give, and no quarantined row comes from a table
    the list does not name. One query over the collected quarantine instead
    of one re-parse of every raw table. Returns the table, the reason and
    how many rows carry it. -#}
{% test quarantine_reasons_by_source(model, column_name, reasons_by_source) %}

select
    source_table,
    {{ column_name }} as quarantine_reason,
    count(*) as row_count
from {{ model }}
where
    {%- for source_table, reasons in reasons_by_source.items() | sort %}
    {{ 'or ' if not loop.first }}(
        source_table = '{{ source_table }}'
        and {{ column_name }} not in (
            {%- for reason in reasons %}'{{ reason }}'{{ ', ' if not loop.last }}{% endfor -%}
        )
    )
    {%- endfor %}
    or source_table not in (
        {%- for source_table in reasons_by_source | sort %}'{{ source_table }}'{{ ', ' if not loop.last }}{% endfor -%}
    )
group by 1, 2

{% endtest %}
