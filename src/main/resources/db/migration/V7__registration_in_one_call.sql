-- Registration on the same fast path as signing (V5): plain SQL on the request's transaction
-- instead of about a dozen Hibernate round trips, most of them under the fair's counter lock.
-- The chain hash is computed by the app (ContractRecord), so a registration takes three calls:
-- begin_registration locks the contract and the fair's counter and returns both, the app checks
-- the contract and builds its record, finish_registration writes it. The counter lock is taken
-- last in the first call and held only for the app's hashing, the second call and the commit.

-- The contract (locked) with its parties, items and signatures as to_jsonb rows, the registering
-- staff member's name, and the fair's counter (locked). {"error": "not-found"} if the contract
-- is not in the fair.
create function begin_registration(p_fair bigint, p_contract bigint, p_organiser bigint,
                                   p_person bigint)
returns jsonb
language plpgsql as $$
declare
    c      contract%rowtype;
    v_name varchar;
    h      fair_contract_head%rowtype;
begin
    select * into c from contract where id = p_contract for update;
    if not found or c.fair_id <> p_fair then
        return jsonb_build_object('error', 'not-found');
    end if;
    if p_organiser is not null then
        select coalesce(max(display_name), 'organiser ' || p_organiser) into v_name
          from organiser where id = p_organiser;
    else
        select coalesce(max(display_name), 'notary ' || p_person) into v_name
          from person where id = p_person;
    end if;
    select * into h from fair_contract_head where fair_id = p_fair for update;
    if not found then
        insert into fair_contract_head (fair_id) values (p_fair) on conflict do nothing;
        select * into h from fair_contract_head where fair_id = p_fair for update;
    end if;
    return jsonb_build_object(
        'contract', to_jsonb(c),
        'parties', (select coalesce(jsonb_agg(to_jsonb(p) order by p.position), '[]'::jsonb)
                      from contract_party p where p.contract_id = c.id),
        'items', (select coalesce(jsonb_agg(to_jsonb(i) order by i.position), '[]'::jsonb)
                    from contract_item i where i.contract_id = c.id),
        'signatures', (select coalesce(jsonb_agg(to_jsonb(s) order by s.entity_id), '[]'::jsonb)
                         from contract_signature s where s.contract_id = c.id),
        'staffName', v_name,
        'lastNumber', h.last_number,
        'lastHash', h.last_hash);
end
$$;

-- Writes a registration the app has checked and hashed: the contract's number and chain link,
-- the fair's counter, and the 'contract.registered' event (numbered after commit, V6).
create function finish_registration(
    p_fair bigint, p_contract bigint, p_number int, p_prev varchar, p_hash varchar,
    p_at timestamptz, p_by varchar, p_by_name varchar, p_justification varchar, p_event jsonb)
returns void
language plpgsql as $$
begin
    update contract
       set status = 'REGISTERED', number = p_number, prev_hash = p_prev, record_hash = p_hash,
           registered_at = p_at, registered_by = p_by, registered_by_name = p_by_name,
           money_justification = p_justification, updated_at = p_at
     where id = p_contract;
    update fair_contract_head set last_number = p_number, last_hash = p_hash
     where fair_id = p_fair;
    perform append_fair_event(p_fair, 'contract.registered', p_event);
end
$$;
