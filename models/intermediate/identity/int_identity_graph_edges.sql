with

kept_edges as (

    select * from {{ ref('int_identity_edges_checked') }}
    where cut_reason is null

),

signatures as (

    select * from {{ ref('int_identity_record_signatures') }}

),

graph_edges as (

    {{ identity_graph_edges_sql('kept_edges', 'signatures') }}

)

select * from graph_edges
