{#- One row per k tried by the clustering: silhouette (on a fixed-seed
    sample), Calinski-Harabasz, Davies-Bouldin and inertia, and whether it
    is the k the assignments use. -#}
with

trials as (

    select * from {{ ref('int_customer_clusters_fitted') }}
    where row_type = 'k_trial'

),

final as (

    select
        cast(cluster_count as integer) as cluster_count,
        selection_method,
        cast(silhouette as double) as silhouette,
        cast(calinski_harabasz as double) as calinski_harabasz,
        cast(davies_bouldin as double) as davies_bouldin,
        cast(inertia as double) as inertia,
        cast(silhouette_sample_size as {{ dbt.type_bigint() }})
            as silhouette_sample_size,
        is_chosen
    from trials

)

select * from final
