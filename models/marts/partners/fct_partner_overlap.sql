{#- One row per partner and RFM tier, plus a `total` row per partner: our
    customers, those on the partner's customer list (matched on salted
    hashes), those who read content on the partner's category and those who
    bought it, with the rates. Counts below var partner_min_cell_size, and
    the complementary cells that protect them, are null with a flag; a rate
    is null when either of its counts is. -#}
with

partners as (

    select * from {{ ref('stg_partners__partners') }}
    where not is_duplicate

),

cells as (

    select * from {{ ref('int_partner_overlap_cells_suppressed') }}

),

flagged as (

    select
        partner_id,
        rfm_tier,
        measure_name,
        case when not is_suppressed then person_count end as published_count,
        case when is_suppressed then 1 else 0 end as suppressed_flag
    from cells

),

published as (

    select
        partner_id,
        rfm_tier,
        max(case when measure_name = 'customers' then published_count end)
            as customers,
        max(case
            when measure_name = 'matched_customers' then published_count
        end) as matched_customers,
        max(case when measure_name = 'content_readers' then published_count end)
            as content_readers,
        max(case when measure_name = 'category_buyers' then published_count end)
            as category_buyers,
        max(case when measure_name = 'customers' then suppressed_flag end)
        = 1 as is_customers_suppressed,
        max(case
            when measure_name = 'matched_customers' then suppressed_flag
        end) = 1 as is_matched_customers_suppressed,
        max(case when measure_name = 'content_readers' then suppressed_flag end)
        = 1 as is_content_readers_suppressed,
        max(case when measure_name = 'category_buyers' then suppressed_flag end)
        = 1 as is_category_buyers_suppressed
    from flagged
    group by 1, 2

),

final as (

    select
        published.partner_id,
        published.rfm_tier,
        partners.partner_name,
        partners.partner_category,
        cast(published.customers as {{ dbt.type_bigint() }}) as customer_count,
        cast(published.matched_customers as {{ dbt.type_bigint() }})
            as matched_customer_count,
        cast(published.content_readers as {{ dbt.type_bigint() }})
            as content_reader_count,
        cast(published.category_buyers as {{ dbt.type_bigint() }})
            as category_buyer_count,
        cast({{ safe_divide('published.matched_customers',
                            'published.customers') }} as double)
            as overlap_rate,
        cast({{ safe_divide('published.content_readers',
                            'published.customers') }} as double)
            as content_engagement_rate,
        cast({{ safe_divide('published.category_buyers',
                            'published.customers') }} as double)
            as category_purchase_rate,
        published.is_customers_suppressed as is_customer_count_suppressed,
        published.is_matched_customers_suppressed
            as is_matched_customer_count_suppressed,
        published.is_content_readers_suppressed
            as is_content_reader_count_suppressed,
        published.is_category_buyers_suppressed
            as is_category_buyer_count_suppressed,
        published.rfm_tier = 'total' as is_total
    from published
    inner join partners on published.partner_id = partners.partner_id

)

select * from final
