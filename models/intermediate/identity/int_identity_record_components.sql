{#- Each identity record with its deterministic component, and its source
    and first and last seen (from its signature row). -#}
with

signatures as (

    select * from {{ ref('int_identity_record_signatures') }}

),

components as (

    select * from {{ ref('int_identity_graph_components') }}

),

record_components as (

    select
        signatures.record_key,
        signatures.signature_node,
        components.component_id,
        signatures.source_table,
        signatures.first_seen_at,
        signatures.last_seen_at,
        signatures.row_count
    from signatures
    inner join components on signatures.signature_node = components.node_id

)

select * from record_components
