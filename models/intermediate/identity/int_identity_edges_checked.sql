{#- Every collected edge after the guards: cut_reason is null when the edge
    is kept, else why it was cut (see identity_guard_sql). -#}
{{ identity_guard_sql(ref('int_identity_edges_collected')) }}
