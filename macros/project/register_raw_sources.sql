{#- Runs before every build (on-run-start). Raw sources are always read as
    relations in the `raw_schema` schema.
    - raw_source_mode 'files' on DuckDB (the default): creates one view per
      raw table over the export file(s) under `raw_data_path`.
    - raw_source_mode 'tables', and always on Spark: the raw tables must
      already exist (an existing lakehouse schema, or the ones
      `python -m tools.spark_load_raw` writes from the export files).
    Either way a missing source fails the build at once, listing what it
    looked for and how to fix it, instead of failing in the middle of
    staging. -#}
{% macro register_raw_sources() %}
    {%- if execute and flags.WHICH in ('build', 'run', 'test', 'seed', 'compile', 'show', 'docs') -%}
        {%- set missing = [] -%}
        {%- set raw_sources = graph.sources.values()
            | selectattr('source_meta.raw_export', 'defined') | list -%}
        {%- set from_files = target.type == 'duckdb' and var('raw_source_mode') == 'files' -%}
        {%- if from_files -%}
            {%- do run_query('create schema if not exists ' ~ var('raw_schema')) -%}
        {%- endif -%}
        {%- for node in raw_sources | sort(attribute='identifier') -%}
            {%- if from_files -%}
                {%- set pattern = raw_file_pattern(node.identifier) -%}
                {%- set found = run_query("select count(*) from glob('" ~ pattern ~ "')").columns[0].values()[0] -%}
                {%- if found == 0 -%}
                    {%- do missing.append(node.source_name ~ "." ~ node.name ~ ": no file matches " ~ pattern) -%}
                {%- else -%}
                    {%- do run_query('create or replace view ' ~ var('raw_schema') ~ '.' ~ node.identifier
                        ~ ' as select cast(columns(*) as varchar) from ' ~ raw_file_reader(pattern)) -%}
                {%- endif -%}
            {%- else -%}
                {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.identifier) -%}
                {%- if relation is none -%}
                    {%- do missing.append(node.source_name ~ "." ~ node.name ~ ": no table " ~ node.schema ~ "." ~ node.identifier) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if missing -%}
            {{ exceptions.raise_compiler_error(
                "Raw sources are missing:\n  - " ~ missing | join("\n  - ")
                ~ "\nGenerate the demo data with `make data`, point var raw_data_path at the folder"
                ~ " that holds your exports (raw_file_format csv or parquet), or load the raw"
                ~ " tables into schema '" ~ var('raw_schema') ~ "' and set raw_source_mode to 'tables'"
                ~ " (on Spark: python -m tools.spark_load_raw). See README, 'Point it at your own data'.") }}
        {%- endif -%}
    {%- endif -%}
    select 1
{% endmacro %}

{#- Where the file(s) of one raw table are expected. -#}
{% macro raw_file_pattern(identifier) -%}
    {%- if var('raw_file_format') == 'csv' -%}
        {{ var('raw_data_path') }}/{{ identifier }}.csv
    {%- else -%}
        {{ var('raw_data_path') }}/{{ identifier }}/*.parquet
    {%- endif -%}
{%- endmacro %}

{#- A DuckDB table function reading the files, column names from the header.
    The view casts every column to text: typing is staging's job, so nothing
    is lost to a bad guess and typed Parquet exports work the same way. -#}
{% macro raw_file_reader(pattern) -%}
    {%- if var('raw_file_format') == 'csv' -%}
        read_csv('{{ pattern }}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    {%- else -%}
        read_parquet('{{ pattern }}', union_by_name = true)
    {%- endif -%}
{%- endmacro %}
