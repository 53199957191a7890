-- sign_contract (V5) with the same checks, writes and answer, reading each of the contract's
-- tables once: its parties and signatures are read into JSON once and the membership checks, the
-- "every party signed" test, the event's payload and the answer are all taken from them, instead
-- of each asking the tables again (two statements and three sub-queries fewer per signature, the
-- busiest write of the fair; measured in BENCHMARKS.md).
create or replace function sign_contract(
    p_fair bigint, p_contract bigint, p_person bigint, p_on_behalf bigint, p_method varchar,
    p_version int, p_hash varchar, p_now timestamptz)
returns jsonb
language plpgsql as $$
declare
    v_entity  bigint;
    v_name    varchar;
    v_phase   varchar;
    v_mine    jsonb;
    v_parties jsonb;
    v_signed  jsonb;
    v_added   boolean := false;
    c         contract%rowtype;
begin
    select p.entity_id, p.display_name, f.phase into v_entity, v_name, v_phase
      from person p join fair f on f.id = p.fair_id
     where p.id = p_person and p.fair_id = p_fair;
    if not found then
        return jsonb_build_object('error', 'no-person');
    end if;
    if v_phase not in ('REGISTRATION', 'LIVE') then
        return jsonb_build_object('error', 'fair-not-open', 'phase', v_phase);
    end if;

    select * into c from contract where id = p_contract for update;
    if not found or c.fair_id <> p_fair then
        return jsonb_build_object('error', 'not-found');
    end if;
    v_mine := jsonb_build_array(jsonb_build_object('entity_id', v_entity));
    select coalesce(jsonb_agg(to_jsonb(p) order by p.position), '[]'::jsonb) into v_parties
      from contract_party p where p.contract_id = c.id;
    if not v_parties @> v_mine then
        return jsonb_build_object('error', 'not-party');
    end if;
    if c.status not in ('PROPOSED', 'SIGNED', 'RETURNED') then
        return jsonb_build_object('error', 'closed', 'status', c.status);
    end if;
    if c.version <> p_version or (p_hash is not null and p_hash <> c.content_hash) then
        return jsonb_build_object('error', 'stale-version', 'version', c.version);
    end if;

    select coalesce(jsonb_agg(to_jsonb(s) order by s.entity_id), '[]'::jsonb) into v_signed
      from contract_signature s where s.contract_id = c.id;
    if not v_signed @> v_mine then
        insert into contract_signature
            (contract_id, entity_id, person_id, person_name, method, on_behalf_by, version,
             content_hash, signed_at)
        values (c.id, v_entity, p_person, v_name, p_method, p_on_behalf, c.version,
                c.content_hash, p_now);
        select coalesce(jsonb_agg(to_jsonb(s) order by s.entity_id), '[]'::jsonb) into v_signed
          from contract_signature s where s.contract_id = c.id;
        -- Signatures are only ever a party's, one per party (unique), so equal counts mean that
        -- every party signed.
        update contract
           set updated_at = p_now,
               status     = case when jsonb_array_length(v_signed) = jsonb_array_length(v_parties)
                                 then 'SIGNED' else status end,
               signed_at  = case when jsonb_array_length(v_signed) = jsonb_array_length(v_parties)
                                 then p_now else signed_at end
         where id = c.id
        returning * into c;
        perform append_fair_event(p_fair, 'contract.signed', jsonb_build_object(
            'contractId', c.id,
            'status', c.status,
            'version', c.version,
            'parties', jsonb_path_query_array(v_parties, '$[*].entity_id'),
            'signed', jsonb_path_query_array(v_signed, '$[*].entity_id')));
        v_added := true;
    end if;

    return jsonb_build_object(
        'added', v_added,
        'contract', to_jsonb(c),
        'parties', v_parties,
        'items', (select coalesce(jsonb_agg(to_jsonb(i) order by i.position), '[]'::jsonb)
                    from contract_item i where i.contract_id = c.id),
        'signatures', v_signed);
end
$$;
