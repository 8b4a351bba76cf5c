{#- One row per person with orders: the k-means cluster (canonical id),
    its label in English and Chinese, and the distance to the cluster's
    centroid in the standardised feature space. -#}
with

assignments as (

    select * from {{ ref('int_customer_clusters_fitted') }}
    where row_type = 'person'

),

labels as (

    select * from {{ ref('int_cluster_labels') }}

),

final as (

    select
        assignments.person_id,
        cast(assignments.cluster_id as integer) as cluster_id,
        labels.cluster_label,
        labels.cluster_name_en,
        labels.cluster_name_zh,
        cast(assignments.distance_to_centroid as double)
            as distance_to_centroid
    from assignments
    inner join labels on assignments.cluster_id = labels.cluster_id

)

select * from final
