with

ledger as (

    {{ crm_stored_value_ledger_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        entry_id,
        member_card_no,
        entry_type,
        amount,
        balance_after,
        is_duplicate,
        entry_at
    from ledger
    where
        quarantine_reason is null
        and {{ erasure_filter('crm.stored_value_ledger') }}

)

select * from staged
