-- What did staging refuse, and why? One row per source table and reason,
-- with one example key to look up in the raw export.
with

quarantined as (

    select * from {{ ref('stg_quarantine__rows') }}

),

summarised as (

    select
        source_table,
        quarantine_reason,
        count(*) as quarantined_rows,
        min(raw_key) as example_key
    from quarantined
    group by 1, 2

)

select * from summarised
order by 1, 2
