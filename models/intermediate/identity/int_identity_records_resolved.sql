{#- Each identity record with its final cluster: its deterministic
    component, joined with the component it is probabilistically linked to
    (accepted links pair components one to one, so the cluster is the
    smaller of the two component ids). -#}
with

record_components as (

    select * from {{ ref('int_identity_record_components') }}

),

accepted_links as (

    select
        component_id_a,
        component_id_b
    from {{ ref('int_identity_match_candidates') }}
    where is_accepted

),

component_clusters as (

    select
        component_id_a as component_id,
        least(component_id_a, component_id_b) as cluster_id
    from accepted_links
    union all
    select
        component_id_b as component_id,
        least(component_id_a, component_id_b) as cluster_id
    from accepted_links

),

resolved as (

    select
        record_components.record_key,
        record_components.source_table,
        record_components.signature_node,
        record_components.component_id,
        coalesce(component_clusters.cluster_id, record_components.component_id)
            as cluster_id,
        component_clusters.cluster_id is not null
            as is_probabilistically_linked,
        record_components.row_count,
        record_components.first_seen_at,
        record_components.last_seen_at
    from record_components
    left join component_clusters
        on record_components.component_id = component_clusters.component_id

)

select * from resolved
