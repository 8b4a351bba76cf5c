{#- Every raw row of pos.transaction_items, parsed and checked; the parsing is
    the macro pos_transaction_items_parsed, which stg_pos__transaction_items
    also calls. -#}
{{ pos_transaction_items_parsed() }}
