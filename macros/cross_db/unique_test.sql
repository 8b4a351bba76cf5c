{#- dbt's `unique` data test on DuckDB, same failing rows as dbt's own
    (every value that occurs more than once, with its count), found in two
    steps: group a 64-bit hash of the value and keep the hashes seen more
    than once, then group the exact values of only the rows with those
    hashes (a hash shared by two different values is not a failure).
    Grouping the values themselves holds every distinct value at once: at
    1M people the attribution credits' grain (205M rows keyed by three
    columns joined into one string) spilled and took 126 s in a test run;
    the hashes fit in memory and take 74 s, and a passing test never reads
    the rows twice (the second step's filter is empty). Other engines keep
    dbt's form. -#}
{% macro duckdb__test_unique(model, column_name) -%}

with

repeated_hashes as (

    select hash({{ column_name }}) as value_hash
    from {{ model }}
    where {{ column_name }} is not null
    group by 1
    having count(*) > 1

),

repeated_values as (

    select
        {{ column_name }} as unique_field,
        count(*) as n_records
    from {{ model }}
    where
        {{ column_name }} is not null
        and hash({{ column_name }}) in (
            select repeated_hashes.value_hash from repeated_hashes
        )
    group by {{ column_name }}
    having count(*) > 1

)

select * from repeated_values

{%- endmacro %}
