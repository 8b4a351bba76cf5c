{#- Every raw row of the content reads, parsed and checked; the parsing is the
    macro content_reads_parsed, which stg_content__reads also calls for only
    the days an incremental run reloads. -#}
{{ content_reads_parsed() }}
