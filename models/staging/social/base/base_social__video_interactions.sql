{#- Every raw row of social.video_interactions, parsed and checked; the
    parsing is the macro social_video_interactions_parsed, which
    stg_social__video_interactions also calls. -#}
{{ social_video_interactions_parsed() }}
