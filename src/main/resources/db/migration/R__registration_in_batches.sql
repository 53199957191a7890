-- Registration in batches (V10), repeatable since the idempotency rule moved into one function
-- (R__idempotency.sql): edit here, not in a new versioned migration.
-- Registrations in batches (group commit, see ContractRegistration.java): the registrations of a
-- fair that arrive while earlier ones are in the database go together, in one transaction that
-- takes the fair's contract counter once for all of them. Per item, the same steps as one
-- registration in its own transaction (V8): claim the idempotency key (or return the stored
-- answer), check the staff member (a notary's badge, an organiser's ownership of the fair), read
-- and lock the contract; the app checks each contract, then locks the counter, hashes the accepted
-- ones onto the chain one after another and finishes them all in one call. A refused item gives
-- its key back (deletes its claim) instead of rolling back, so the others are not affected.

-- p_items: [{"i": index, "fair", "contract", "organiser" (id, or null for a notary), "person" (the
-- notary's id, or null), "badge", "principal", "key", "requestHash"}]. One row per item: its index
-- and read_for_registration's answer, {"error": "badge-revoked" | "no-fair" | "not-owner" |
-- "not-found"}, or {"replay": {"requestHash", "status", "response"}} when the key was used before.
-- Items are taken in the order of their contract and key, so that batches cannot deadlock.
create or replace function read_for_registrations(p_items jsonb)
returns table (i int, result jsonb)
language plpgsql as $$
declare
    it      jsonb;
    v_badge int;
    v_owner bigint;
    v_prev  jsonb;
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

        result := null;
        if it->>'organiser' is not null then
            select f.owner_id into v_owner from fair f where f.id = (it->>'fair')::bigint;
            if not found then
                result := jsonb_build_object('error', 'no-fair');
            elsif v_owner <> (it->>'organiser')::bigint then
                result := jsonb_build_object('error', 'not-owner');
            end if;
        else
            select p.badge_version into v_badge
              from person p
             where p.id = (it->>'person')::bigint and p.fair_id = (it->>'fair')::bigint;
            if v_badge is null or v_badge <> (it->>'badge')::int then
                result := jsonb_build_object('error', 'badge-revoked');
            end if;
        end if;
        if result is null then
            result := read_for_registration(
                (it->>'fair')::bigint, (it->>'contract')::bigint,
                (it->>'organiser')::bigint, (it->>'person')::bigint);
        end if;

        if result ? 'error' and it->>'key' is not null then
            delete from idempotency_record r
             where r.principal = it->>'principal' and r.idem_key = it->>'key';
        end if;
        return next;
    end loop;
end
$$;

-- With the fair's counter locked (lock_contract_counter, V8): registers the accepted contracts as
-- the app numbered and hashed them (finish_registration, V7, in their numbers' order) and gives
-- back the keys of the contracts the app refused.
-- p_registered: [{"contract", "number", "prev", "hash", "at", "by", "byName", "justification",
-- "event"}]; p_refused: [{"principal", "key"}].
create or replace function finish_registrations(p_fair bigint, p_registered jsonb, p_refused jsonb)
returns void
language plpgsql as $$
declare
    it jsonb;
begin
    for it in
        select value from jsonb_array_elements(p_registered) order by (value->>'number')::int
    loop
        perform finish_registration(
            p_fair, (it->>'contract')::bigint, (it->>'number')::int, it->>'prev', it->>'hash',
            (it->>'at')::timestamptz, it->>'by', it->>'byName', it->>'justification',
            it->'event');
    end loop;
    delete from idempotency_record r
     using jsonb_array_elements(p_refused) x
     where r.principal = x.value->>'principal' and r.idem_key = x.value->>'key';
end
$$;
