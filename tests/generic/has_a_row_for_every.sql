{#- Every row of `to` has at least one row in the tested model with the
    same key: the model leaves nobody out. Returns the missing keys. -#}
{% test has_a_row_for_every(model, column_name, to, field) %}

select parent.{{ field }} as missing_key
from {{ to }} as parent
left join {{ model }} as child
    on parent.{{ field }} = child.{{ column_name }}
where child.{{ column_name }} is null

{% endtest %}
