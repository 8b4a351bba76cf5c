{#- Every raw row of crm.stored_value_ledger, parsed and checked; the parsing
    is the macro crm_stored_value_ledger_parsed, which
    stg_crm__stored_value_ledger also calls. -#}
{{ crm_stored_value_ledger_parsed() }}
