{#- Every row of a person-incremental model carries its person's current
    signature: no row was left behind by an incremental run that should
    have rebuilt it (macros/project/person_incremental.sql). Returns the
    persons whose rows carry a signature the signatures model no longer
    holds, with the number of such rows. -#}
{% test carries_current_signatures(model, column_name, signatures) %}

select
    built.person_id,
    count(*) as stale_rows
from {{ model }} as built
left join {{ signatures }} as current_signatures
    on
        built.person_id = current_signatures.person_id
        and built.{{ column_name }} = current_signatures.{{ column_name }}
where current_signatures.person_id is null
group by 1

{% endtest %}
