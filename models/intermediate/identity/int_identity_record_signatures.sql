with

kept_edges as (

    select * from {{ ref('int_identity_edges_checked') }}
    where cut_reason is null

),

signatures as (

    {{ identity_signatures_sql('kept_edges', with_seen=true) }}

)

select * from signatures
