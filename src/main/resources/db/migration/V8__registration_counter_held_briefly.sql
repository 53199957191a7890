-- Registration with the fair's counter held as briefly as possible. V7's begin_registration took
-- the counter lock at the end of its first call, so the counter stayed locked while the contract's
-- JSON travelled to the app, was read and checked there, and through the second call and the
-- commit. Now the contract is read and checked first (its own row locked), and only then is the
-- counter locked: the lock covers one tiny call, the app's hashing, finish_registration (sent
-- together with the stored answer) and the commit.

-- The contract (locked) with its parties, items and signatures as to_jsonb rows and the
-- registering staff member's name. {"error": "not-found"} if the contract is not in the fair.
create function read_for_registration(p_fair bigint, p_contract bigint, p_organiser bigint,
                                      p_person bigint)
returns jsonb
language plpgsql as $$
declare
    c      contract%rowtype;
    v_name varchar;
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
    return jsonb_build_object(
        'contract', to_jsonb(c),
        'parties', (select coalesce(jsonb_agg(to_jsonb(p) order by p.position), '[]'::jsonb)
                      from contract_party p where p.contract_id = c.id),
        'items', (select coalesce(jsonb_agg(to_jsonb(i) order by i.position), '[]'::jsonb)
                    from contract_item i where i.contract_id = c.id),
        'signatures', (select coalesce(jsonb_agg(to_jsonb(s) order by s.entity_id), '[]'::jsonb)
                         from contract_signature s where s.contract_id = c.id),
        'staffName', v_name);
end
$$;

-- The fair's contract counter, locked until commit (created on the fair's first registration).
create function lock_contract_counter(p_fair bigint)
returns table (last_number int, last_hash varchar)
language plpgsql as $$
begin
    return query select h.last_number, h.last_hash from fair_contract_head h
                  where h.fair_id = p_fair for update;
    if not found then
        insert into fair_contract_head (fair_id) values (p_fair) on conflict do nothing;
        return query select h.last_number, h.last_hash from fair_contract_head h
                      where h.fair_id = p_fair for update;
    end if;
end
$$;

drop function begin_registration(bigint, bigint, bigint, bigint);
