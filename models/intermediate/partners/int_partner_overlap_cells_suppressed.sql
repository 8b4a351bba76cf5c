{#- One row per partner, RFM tier (or `total`) and measure (a count of
    persons, int_partner_overlap_cells_counted): the count, and whether it
    is suppressed. Primary suppression: every count below
    var partner_min_cell_size. Complementary suppression (macro
    complementary_suppression_passes): for each measure, the grid of
    partners (rows) by tiers and total (columns) is passed over until no
    row or column holds a single suppressed cell, at most
    var partner_suppression_max_passes times. The suppressed cells per row
    and per column after the last pass are kept, so that a test can prove
    the fixpoint (never exactly 1). -#}
with

cells as (

    select * from {{ ref('int_partner_overlap_cells_counted') }}

),

primary_suppressed as (

    select
        measure_name,
        partner_id,
        rfm_tier,
        person_count,
        person_count < {{ var('partner_min_cell_size') }}
            as is_primary_suppressed,
        person_count < {{ var('partner_min_cell_size') }} as is_suppressed,
        case
            when person_count < {{ var('partner_min_cell_size') }} then 0
        end as suppressed_in_pass
    from cells

),

{{ complementary_suppression_passes(
    'primary_suppressed', 'measure_name', 'partner_id', 'rfm_tier',
    var('partner_suppression_max_passes')) }},

checked as (

    select
        measure_name,
        partner_id,
        rfm_tier,
        person_count,
        is_primary_suppressed,
        is_suppressed,
        cast(suppressed_in_pass as integer) as suppressed_in_pass,
        cast(sum(case when is_suppressed then 1 else 0 end) over (
            partition by measure_name, partner_id
        ) as {{ dbt.type_bigint() }}) as row_suppressed_count,
        cast(sum(case when is_suppressed then 1 else 0 end) over (
            partition by measure_name, rfm_tier
        ) as {{ dbt.type_bigint() }}) as column_suppressed_count
    from {{ 'suppression_pass_' ~ var('partner_suppression_max_passes') }}

)

select * from checked
