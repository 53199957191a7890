-- Signing a contract is the busiest write of the fair's last half hour: every party of every deal
-- signs on a phone at about the same time. Measured through Hibernate Reactive, one signature
-- took about ten round trips and 8-9 ms of server CPU; this function does the checks and the write
-- in one call on the request's own transaction (see ContractSigning.java).

-- Signature ids now come from the column default, so that this function and Hibernate (IDENTITY)
-- share one sequence without either assuming it owns a block of fifty.
create sequence contract_signature_id_seq owned by contract_signature.id;
select setval('contract_signature_id_seq',
              greatest((select coalesce(max(id), 0) from contract_signature),
                       (select last_value from contract_signature_seq)) + 100);
alter table contract_signature alter column id set default nextval('contract_signature_id_seq');
drop sequence contract_signature_seq;

-- Checks, in the order the API promises them: the person is in the fair, the fair is open, the
-- contract exists in the fair, the person's entity is a party, the contract is still open, and the
-- signer read the current version. A refusal is returned as {"error": code, ...} and changes
-- nothing; the caller turns it into the API's problem. A second signature of the same entity
-- keeps the first one and appends no event. Otherwise the signature is inserted, the contract
-- becomes SIGNED when every party has signed, and one 'contract.signed' event is queued in the
-- fair's log (numbered at commit, like every other event).
-- Returns the contract with its parties, items and signatures as they are after the call.
create function sign_contract(
    p_fair bigint, p_contract bigint, p_person bigint, p_on_behalf bigint, p_method varchar,
    p_version int, p_hash varchar, p_now timestamptz)
returns jsonb
language plpgsql as $$
declare
    v_entity bigint;
    v_name   varchar;
    v_phase  varchar;
    v_fully  boolean;
    v_added  boolean := false;
    c        contract%rowtype;
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
    if not exists (select 1 from contract_party where contract_id = c.id and entity_id = v_entity) then
        return jsonb_build_object('error', 'not-party');
    end if;
    if c.status not in ('PROPOSED', 'SIGNED', 'RETURNED') then
        return jsonb_build_object('error', 'closed', 'status', c.status);
    end if;
    if c.version <> p_version or (p_hash is not null and p_hash <> c.content_hash) then
        return jsonb_build_object('error', 'stale-version', 'version', c.version);
    end if;

    if not exists (select 1 from contract_signature where contract_id = c.id and entity_id = v_entity) then
        insert into contract_signature
            (contract_id, entity_id, person_id, person_name, method, on_behalf_by, version,
             content_hash, signed_at)
        values (c.id, v_entity, p_person, v_name, p_method, p_on_behalf, c.version,
                c.content_hash, p_now);
        v_fully := not exists (
            select 1 from contract_party cp
             where cp.contract_id = c.id
               and not exists (select 1 from contract_signature s
                                where s.contract_id = c.id and s.entity_id = cp.entity_id));
        update contract
           set updated_at = p_now,
               status     = case when v_fully then 'SIGNED' else status end,
               signed_at  = case when v_fully then p_now else signed_at end
         where id = c.id
        returning * into c;
        perform append_fair_event(p_fair, 'contract.signed', jsonb_build_object(
            'contractId', c.id,
            'status', c.status,
            'version', c.version,
            'parties', (select jsonb_agg(entity_id order by position)
                          from contract_party where contract_id = c.id),
            'signed', (select jsonb_agg(entity_id order by entity_id)
                         from contract_signature where contract_id = c.id)));
        v_added := true;
    end if;

    return jsonb_build_object(
        'added', v_added,
        'contract', to_jsonb(c),
        'parties', (select coalesce(jsonb_agg(to_jsonb(p) order by p.position), '[]'::jsonb)
                      from contract_party p where p.contract_id = c.id),
        'items', (select coalesce(jsonb_agg(to_jsonb(i) order by i.position), '[]'::jsonb)
                    from contract_item i where i.contract_id = c.id),
        'signatures', (select coalesce(jsonb_agg(to_jsonb(s) order by s.entity_id), '[]'::jsonb)
                         from contract_signature s where s.contract_id = c.id));
end
$$;
