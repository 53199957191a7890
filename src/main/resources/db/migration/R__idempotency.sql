-- The idempotency rule, in one place (repeatable: edited here, re-applied after the versioned
-- migrations whenever this file changes). V1 created the table; every write path claims its key
-- through this function: the Java paths (Idempotency.java) and the batch functions below.
--
-- Claims p_key for p_principal in the caller's transaction. Returns NULL when the key is new: it
-- is now claimed, and the claim commits or rolls back with the write. Otherwise returns what the
-- key answered before, {"requestHash", "status", "response"}; a concurrent claim of the same key
-- waits on the row until the first transaction ends, then reads its committed answer.
create or replace function claim_idempotency_key(
    p_principal varchar, p_key varchar, p_request_hash varchar)
returns jsonb
language plpgsql as $$
declare
    v_prev record;
begin
    insert into idempotency_record (principal, idem_key, request_hash, created_at)
    values (p_principal, p_key, p_request_hash, now())
    on conflict do nothing;
    if found then
        return null;
    end if;
    select r.request_hash, r.status, r.response into v_prev
      from idempotency_record r
     where r.principal = p_principal and r.idem_key = p_key;
    return jsonb_build_object(
        'requestHash', v_prev.request_hash,
        'status', v_prev.status,
        'response', v_prev.response);
end
$$;
