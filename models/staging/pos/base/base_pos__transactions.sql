{#- Every raw row of pos.transactions, parsed and checked; the parsing is the
    macro pos_transactions_parsed, which stg_pos__transactions also calls. -#}
{{ pos_transactions_parsed() }}
