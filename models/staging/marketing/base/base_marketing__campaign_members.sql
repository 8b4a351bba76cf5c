{#- Every raw row of marketing.campaign_members, parsed and checked; the
    parsing is the macro marketing_campaign_members_parsed, which
    stg_marketing__campaign_members also calls. -#}
{{ marketing_campaign_members_parsed() }}
