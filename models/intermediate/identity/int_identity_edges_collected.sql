{#- Every link from a staged record to one of its identifiers, with where it
    was seen: the raw material of the identity graph. -#}
with

edges as (

    {{ identity_edges_sql('staging') }}

),

keyed as (

    select
        {{ dbt.hash(dbt.concat(['record_key', "'|'", 'node_id'])) }} as edge_id,
        source_table,
        record_key,
        identifier_type,
        identifier_value,
        node_id,
        row_count,
        first_seen_at,
        last_seen_at
    from edges

)

select * from keyed
