{#- Every raw row of marketing.coupons, parsed and checked; the parsing is the
    macro marketing_coupons_parsed, which stg_marketing__coupons also calls. -#}
{{ marketing_coupons_parsed() }}
