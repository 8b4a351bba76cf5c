{#- Person-incremental models: a model keyed by person whose rows depend only
    on that person's own inputs (the attribution chain: a person's journeys,
    touches, conversion roles and rule-based weights) is rebuilt, on an
    incremental DuckDB run, for the persons whose inputs changed and for no
    one else.

    Each such model carries a signature column: a hash of everything a
    person's rows are computed from (int_journey_person_signatures), passed
    down the chain unchanged. Its "current" relation is the upstream
    relation with the signatures as they are now (the signatures model for
    the first model of the chain, the model before it for the others). On an
    incremental run:
      1. the pre-hook (delete_rebuilt_persons) deletes every row whose
         (person_id, signature) is not among the current ones: the persons
         whose inputs changed, and those no longer there (merged into
         another person, or left with no input);
      2. the model selects the persons of the current relation that have no
         row left (persons_to_rebuild), and computes their rows alone;
      3. dbt appends them.
    Each model compares against its own rows, so a run that fails half way
    leaves nothing stale: the next run finds the same difference again. The
    delete and the append run in one transaction. A table built before the
    signature column existed is deleted whole and rebuilt once. The vars
    and the chain's SQL are signed too (a change rebuilds every person);
    a change to a macro the chain calls is not: build the chain with
    --full-refresh then. The vars reach the chain through the signatures,
    so build the chain together (int_journey_person_signatures+). On Spark
    (Parquet tables, no row deletes) these models are tables. -#}

{#- The materialization of a person-incremental model on this target. -#}
{% macro person_incremental_materialization() -%}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{%- endmacro %}

{#- The config of a person-incremental model whose current signatures are
    in the model named `current`: appended rows, the table's columns synced
    to the model's (a changed model rebuilds every person, so every row gets
    the new columns), and the pre-hook that deletes the rows to rebuild. -#}
{% macro person_incremental_config(current, signature_column) -%}
    {{ config(
        materialized=person_incremental_materialization(),
        incremental_strategy='append',
        on_schema_change='sync_all_columns',
        pre_hook="{{ delete_rebuilt_persons(ref('" ~ current ~ "'), '"
            ~ signature_column ~ "') }}",
    ) }}
{%- endmacro %}

{#- True on an incremental DuckDB run whose table has the signature column:
    the run rebuilds only the persons whose signature changed. A table built
    before the column existed is rebuilt whole. (A changed model changes
    every signature, see int_journey_person_signatures, so no unchanged
    person keeps a row of an older shape.) A
    model calls it as `is_incremental() and person_incremental_ready(...)`,
    so that its unit tests' is_incremental override reaches the call (dbt
    overrides only the macros a model calls itself). -#}
{% macro person_incremental_ready(signature_column) -%}
    {%- if target.type != 'duckdb' or this is none or not is_incremental() -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set built = adapter.get_columns_in_relation(this)
        | map(attribute='name') | map('lower') | list -%}
    {{ return(signature_column in built) }}
{%- endmacro %}

{#- Pre-hook: deletes the rows whose (person_id, signature) the current
    relation no longer holds; a table without the signature column is
    emptied (rebuilt whole). A no-op on a full build and on Spark. -#}
{% macro delete_rebuilt_persons(current, signature_column) -%}
    {%- if target.type != 'duckdb' or not is_incremental() -%}
        select 1
    {%- elif person_incremental_ready(signature_column) -%}
        delete from {{ this }}
        where person_id in (
            select built.person_id
            from {{ this }} as built
            left join (
                select distinct person_id, {{ signature_column }}
                from {{ current }}
            ) as current_persons
                on
                    built.person_id = current_persons.person_id
                    and built.{{ signature_column }}
                    = current_persons.{{ signature_column }}
            where current_persons.person_id is null
        )
    {%- else -%}
        delete from {{ this }}
    {%- endif -%}
{%- endmacro %}

{#- The persons a person-incremental run builds: those of the current
    relation (where `condition` holds, if given) with no row in the model
    after its pre-hook. -#}
{% macro persons_to_rebuild(current, condition=none) -%}
    select distinct current_persons.person_id
    from {{ current }} as current_persons
    left join (
        select distinct person_id from {{ this }}
    ) as built
        on current_persons.person_id = built.person_id
    where
        built.person_id is null
        {%- if condition %}
        and {{ condition }}
        {%- endif %}
{%- endmacro %}
