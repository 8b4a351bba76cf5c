{#- Every raw row of crm.consents, parsed and checked; the parsing is the
    macro crm_consents_parsed, which stg_crm__consents also calls. -#}
{{ crm_consents_parsed() }}
