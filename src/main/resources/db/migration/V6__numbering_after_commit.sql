-- Events are numbered after commit, in batches, by a sequencer (EventSequencer.java).
--
-- V2 numbered each event at commit under the fair's fair_log_head row lock, held until the commit
-- was durable: a fair's writes committed one at a time, each waiting for the previous one's WAL
-- flush, and every commit also sent its own NOTIFY (which PostgreSQL serialises across the whole
-- database). Now a write only queues its event in fair_event_pending, in its own transaction, so
-- data and event still commit atomically and writes of one fair commit in parallel (PostgreSQL
-- flushes many commits with one fdatasync). Right after the commit the writer asks the sequencer
-- to number what is queued; one short transaction numbers every queued event of the fair, moves
-- the head once and sends one NOTIFY. Clients only ever see numbered events, so numbers are
-- gapless and a number is never taken back.
--
-- Order. A queued event gets a ticket (ord) from a sequence at pre-commit, by a deferred trigger,
-- after every statement of its transaction, including waits for row locks. If a write depended on
-- another (waited for its lock, or started after it committed), its ticket is the larger one; the
-- sequencer numbers what has committed by ticket, so a dependent event never gets the smaller
-- number. Independent writes are numbered in the order the sequencer sees them commit.
--
-- Exact snapshots. A reader that needs state and log head at one moment (a board snapshot, the
-- matching view) calls number_fair_events first in its REPEATABLE READ transaction: it numbers
-- exactly the queued events its snapshot can see, so the snapshot's state is the state after its
-- head and no later event repeats something already in it.

drop trigger fair_event_pending_number on fair_event_pending;
drop function number_pending_event();

-- A queued event now outlives its transaction (until the sequencer numbers it), so it is logged.
alter table fair_event_pending set logged;
alter table fair_event_pending add column ord bigint, add column created_at timestamptz;
create index fair_event_pending_fair on fair_event_pending (fair_id);
create sequence fair_event_order;

create function order_pending_event() returns trigger
language plpgsql as $$
begin
    update fair_event_pending
       set ord = nextval('fair_event_order'), created_at = clock_timestamp()
     where id = new.id;
    return null;
end
$$;

create constraint trigger fair_event_pending_order
    after insert on fair_event_pending
    deferrable initially deferred
    for each row execute function order_pending_event();

-- Numbers the fair's queued events that this transaction can see, in ticket order, and returns
-- the fair's log head. Holds the head row lock until the caller's transaction ends. Under
-- REPEATABLE READ it fails with a serialization error (40001) when another transaction moved the
-- head after the snapshot was taken; the reader retries.
create function number_fair_events(p_fair bigint) returns bigint
language plpgsql as $$
declare
    v_head  bigint;
    v_count bigint;
begin
    if not exists (select 1 from fair_event_pending where fair_id = p_fair) then
        select last_seq into v_head from fair_log_head where fair_id = p_fair;
        return v_head;
    end if;
    select last_seq into v_head from fair_log_head where fair_id = p_fair for update;
    if v_head is null then
        raise exception 'fair % has no event log', p_fair;
    end if;
    with batch as (
        delete from fair_event_pending where fair_id = p_fair
        returning ord, type, payload, created_at)
    insert into fair_event (fair_id, seq, type, payload, created_at)
    select p_fair, v_head + row_number() over (order by ord), type, payload,
           coalesce(created_at, clock_timestamp())
      from batch;
    get diagnostics v_count = row_count;
    if v_count > 0 then
        update fair_log_head set last_seq = v_head + v_count where fair_id = p_fair;
        perform pg_notify('fair_events', p_fair || ':' || (v_head + v_count));
    end if;
    return v_head + v_count;
end
$$;

-- The sequencer's run: every fair with queued events, in fair order (two instances running it
-- at once take the head locks in the same order). Returns how many events it numbered.
create function number_pending_events() returns bigint
language plpgsql as $$
declare
    v_fair   bigint;
    v_before bigint;
    v_total  bigint := 0;
begin
    for v_fair in select distinct fair_id from fair_event_pending order by fair_id loop
        select last_seq into v_before from fair_log_head where fair_id = v_fair for update;
        v_total := v_total + number_fair_events(v_fair) - v_before;
    end loop;
    return v_total;
end
$$;
