{#- Every raw row of the ad clicks, parsed and checked; the parsing is the
    macro ad_clicks_parsed, which stg_marketing__ad_clicks also calls for only
    the days an incremental run reloads. -#}
{{ ad_clicks_parsed() }}
