{#- Every raw row of the event stream, parsed and checked; the parsing is the
    macro app_events_parsed, which stg_app__events also calls for only the
    days an incremental run reloads. -#}
{{ app_events_parsed() }}
