with

transactions as (

    {{ pos_transactions_parsed(copies_by_hash=true) | indent(4) }}

),

staged as (

    select
        transaction_id,
        store_id,
        member_card_no,
        customer_phone,
        payment_method,
        cashier_id,
        net_amount + discount_amount as gross_amount,
        discount_amount,
        net_amount,
        is_employee,
        is_duplicate,
        transacted_at
    from transactions
    where
        quarantine_reason is null
        and {{ erasure_filter('pos.transactions') }}

)

select * from staged
