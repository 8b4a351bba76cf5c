{#- Each identity record with its deterministic component. -#}
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
        components.component_id
    from signatures
    inner join components on signatures.signature_node = components.node_id

)

select * from record_components
