-- For every snapshot and tier of origin, migration rates add up to 1.
select
    snapshot_date,
    from_tier,
    sum(migration_rate) as total_rate
from {{ ref('fct_tier_migration') }}
group by 1, 2
having abs(sum(migration_rate) - 1) > 1e-9
