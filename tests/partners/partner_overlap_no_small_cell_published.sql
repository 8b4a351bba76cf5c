-- No published count of fct_partner_overlap is below var
-- partner_min_cell_size, and every suppressed count is null. Returns the
-- offending cells.
with

cells as (

    {{ partner_overlap_published_cells() }}

)

select *
from cells
where
    (
        not is_suppressed
        and (
            person_count is null
            or person_count < {{ var('partner_min_cell_size') }}
        )
    )
    or (is_suppressed and person_count is not null)
