-- Signing in batches (V9), repeatable since the idempotency rule moved into one function
-- (R__idempotency.sql): edit here, not in a new versioned migration.
-- Signatures in batches (group commit, see ContractSigning.java and GroupCommit.java): the
-- signatures that arrive while earlier ones are in the database are written together, in one
-- transaction, by one call. Per item it does what one signing request does in its own transaction
-- — claim the idempotency key (or return the stored answer), check the caller's badge, and
-- sign_contract (V5) — and a refused item gives its key back (deletes its claim) instead of rolling
-- back, so the other items of the batch are not affected.
--
-- p_items: [{"i": index, "fair", "contract", "person" (who signs), "caller", "badge" (the caller's
-- badge version in their token), "helper", "method", "version", "hash", "principal", "key",
-- "requestHash"}]; key null for a request sent without an Idempotency-Key.
-- Returns one row per item: its index and sign_contract's answer, or {"error": "badge-revoked"},
-- or {"replay": {"requestHash", "status", "response"}} when the key was used before.
--
-- Items are taken in the order of their contract and key, so that two batches lock contracts and
-- keys in the same order and cannot deadlock each other.
create or replace function sign_contracts(p_items jsonb, p_now timestamptz)
returns table (i int, result jsonb)
language plpgsql as $$
declare
    it       jsonb;
    v_badge  int;
    v_prev   jsonb;
begin
    for it in
        select value from jsonb_array_elements(p_items)
         order by (value->>'contract')::bigint, value->>'principal', value->>'key'
    loop
        i := (it->>'i')::int;
        if it->>'key' is not null then
            v_prev := claim_idempotency_key(it->>'principal', it->>'key', it->>'requestHash');
            if v_prev is not null then
                result := jsonb_build_object('replay', v_prev);
                return next;
                continue;
            end if;
        end if;

        select p.badge_version into v_badge
          from person p
         where p.id = (it->>'caller')::bigint and p.fair_id = (it->>'fair')::bigint;
        if v_badge is null or v_badge <> (it->>'badge')::int then
            result := jsonb_build_object('error', 'badge-revoked');
        else
            result := sign_contract(
                (it->>'fair')::bigint, (it->>'contract')::bigint, (it->>'person')::bigint,
                (it->>'helper')::bigint, it->>'method', (it->>'version')::int, it->>'hash', p_now);
        end if;

        if result ? 'error' and it->>'key' is not null then
            delete from idempotency_record r
             where r.principal = it->>'principal' and r.idem_key = it->>'key';
        end if;
        return next;
    end loop;
end
$$;
