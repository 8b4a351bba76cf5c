{#- Every raw row of marketing.message_sends, parsed and checked; the parsing
    is the macro marketing_message_sends_parsed, which
    stg_marketing__message_sends also calls. -#}
{{ marketing_message_sends_parsed() }}
