{#- One row per partner and person of ours on the partner's customer list:
    the partner's phone or e-mail hash equals one of ours. Hashes only; no
    identifier, raw or hashed, leaves this model. -#}
with

customer_lists as {{ not_materialized() }} (

    select * from {{ ref('stg_partners__customer_lists') }}
    where not is_duplicate

),

our_hashes as (

    select * from {{ ref('int_partner_identifiers_hashed') }}

),

list_hashes as (

    select
        partner_id,
        'phone' as identifier_type,
        phone_sha256 as partner_identifier_hash
    from customer_lists
    where phone_sha256 is not null
    union all
    select
        partner_id,
        'email' as identifier_type,
        email_sha256 as partner_identifier_hash
    from customer_lists
    where email_sha256 is not null

),

matches as (

    select
        list_hashes.partner_id,
        our_hashes.person_id,
        max(case when list_hashes.identifier_type = 'phone' then 1 else 0 end)
        = 1 as is_matched_by_phone,
        max(case when list_hashes.identifier_type = 'email' then 1 else 0 end)
        = 1 as is_matched_by_email
    from list_hashes
    inner join our_hashes
        on
            list_hashes.partner_identifier_hash
            = our_hashes.partner_identifier_hash
            and list_hashes.identifier_type = our_hashes.identifier_type
    group by 1, 2

)

select * from matches
