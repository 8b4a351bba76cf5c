{#- One row per phone or e-mail of ours, hashed the way partners hash theirs:
    normalised again (idempotent on the identity layer's values, and a guard
    should a raw spelling ever reach it), then SHA-256 of the agreed salt
    (PARTNER_HASH_SALT) followed by the value. Partner matching joins on
    these hashes only. -#}
with

identifiers as (

    select * from {{ ref('int_identifiers_resolved') }}
    where identifier_type in ('phone', 'email')

),

hashed as (

    select
        person_id,
        identifier_type,
        {{ partner_identifier_hash('identifier_type', 'identifier_value') }}
            as partner_identifier_hash
    from identifiers

),

kept as (

    select
        partner_identifier_hash,
        identifier_type,
        person_id
    from hashed
    where partner_identifier_hash is not null

)

select * from kept
