-- Contracts: proposed and signed by the parties' people, registered by a notary.
-- PROPOSED -> (every party signed) SIGNED -> REGISTERED; a notary may send a SIGNED one back
-- (RETURNED, signatures cleared); a party may withdraw anything not yet registered.
create sequence contract_seq start with 1 increment by 50;
create table contract (
    id               bigint primary key,
    fair_id          bigint        not null references fair (id) on delete cascade,
    status           varchar(12)   not null
        check (status in ('PROPOSED', 'SIGNED', 'RETURNED', 'WITHDRAWN', 'REGISTERED')),
    source           varchar(8)    not null check (source in ('APP', 'PAPER')),
    origin           varchar(8)    not null check (origin in ('DIRECT', 'POST', 'MATCH', 'BADGE')),
    title            varchar(120),
    notes            varchar(1000),
    -- Posts the contract answers, sorted ids separated by commas (informative, part of the content).
    post_ids         varchar(400),
    -- Content version: every change of parties, items or text bumps it and clears signatures.
    version          int           not null,
    content_hash     varchar(64)   not null,
    money_flagged    boolean       not null default false,
    money_findings   text,
    proposed_by      bigint        references person (id),
    proposed_on_behalf_by bigint   references person (id),
    created_by       varchar(80)   not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    -- When the last party signed: the notary queue's order.
    signed_at        timestamptz,
    returned_reason  varchar(500),
    returned_by      varchar(120),
    returned_at      timestamptz,
    withdrawn_by     bigint        references person (id),
    withdrawn_at     timestamptz,
    withdrawn_reason varchar(500),
    -- Registration: the fair's gapless number and the tamper-evident chain.
    number           int,
    registered_at    timestamptz,
    registered_by    varchar(80),
    registered_by_name varchar(120),
    money_justification varchar(1000),
    prev_hash        varchar(64),
    record_hash      varchar(64),
    unique (fair_id, number),
    check ((status = 'REGISTERED') = (number is not null))
);
create index contract_fair_status_idx on contract (fair_id, status);

-- Entity name and sector are copied when the contract is written: the signed text must not
-- change when an entity is renamed later.
create sequence contract_party_seq start with 1 increment by 50;
create table contract_party (
    id          bigint primary key,
    contract_id bigint       not null references contract (id) on delete cascade,
    entity_id   bigint       not null references entity (id),
    position    int          not null,
    entity_name varchar(200) not null,
    sector      varchar(20)  not null,
    unique (contract_id, entity_id)
);
create index contract_party_entity_idx on contract_party (entity_id);

create sequence contract_item_seq start with 1 increment by 50;
create table contract_item (
    id             bigint primary key,
    contract_id    bigint         not null references contract (id) on delete cascade,
    position       int            not null,
    from_entity_id bigint         not null references entity (id),
    to_entity_id   bigint         not null references entity (id),
    category       varchar(40)    not null,
    description    varchar(500)   not null,
    quantity       varchar(100),
    when_text      varchar(200),
    value_pln      numeric(12, 2),
    hours          numeric(8, 2),
    check (from_entity_id <> to_entity_id)
);
create index contract_item_contract_idx on contract_item (contract_id);

-- One signature per party entity, of the exact content (hash) it was given for.
create sequence contract_signature_seq start with 1 increment by 50;
create table contract_signature (
    id           bigint primary key,
    contract_id  bigint       not null references contract (id) on delete cascade,
    entity_id    bigint       not null references entity (id),
    person_id    bigint       not null references person (id),
    person_name  varchar(120) not null,
    method       varchar(10)  not null check (method in ('PHONE', 'HELP_DESK', 'PAPER')),
    on_behalf_by bigint       references person (id),
    version      int          not null,
    content_hash varchar(64)  not null,
    signed_at    timestamptz  not null,
    unique (contract_id, entity_id)
);

-- Per-fair registration counter, locked by each registration until it commits (like
-- fair_log_head): numbers are gapless and unique across app instances, and the chain's head hash
-- is read and moved under the same lock.
create table fair_contract_head (
    fair_id     bigint      primary key references fair (id) on delete cascade,
    last_number int         not null default 0,
    last_hash   varchar(64) not null default '0000000000000000000000000000000000000000000000000000000000000000'
);

-- Events are numbered at commit. append_fair_event used to take the fair_log_head row lock at the
-- append and hold it until commit, so every write of a fair waited for the slowest holder's
-- remaining round trips (the idempotency record, the commit itself): measured, most signing
-- requests waited on that lock. Now the append only queues the event in fair_event_pending; a
-- deferred constraint trigger numbers it at commit, taking the lock for the commit alone. Numbers
-- stay gapless and in commit order, data and event still commit atomically.
-- Unlogged: a pending row never outlives its transaction, so it needs no WAL.
create unlogged table fair_event_pending (
    id      bigserial   primary key,
    fair_id bigint      not null,
    type    varchar(40) not null,
    payload jsonb       not null
);

create function number_pending_event() returns trigger
language plpgsql as $$
declare
    next_seq bigint;
begin
    update fair_log_head set last_seq = last_seq + 1 where fair_id = new.fair_id
    returning last_seq into next_seq;
    if next_seq is null then
        raise exception 'fair % has no event log', new.fair_id;
    end if;
    insert into fair_event (fair_id, seq, type, payload, created_at)
    values (new.fair_id, next_seq, new.type, new.payload, clock_timestamp());
    delete from fair_event_pending where id = new.id;
    perform pg_notify('fair_events', new.fair_id || ':' || next_seq);
    return null;
end
$$;

create constraint trigger fair_event_pending_number
    after insert on fair_event_pending
    deferrable initially deferred
    for each row execute function number_pending_event();

-- Same signature as before; returns 0 because the number is only known at commit.
create or replace function append_fair_event(p_fair bigint, p_type varchar, p_payload jsonb) returns bigint
language plpgsql as $$
begin
    if not exists (select 1 from fair_log_head where fair_id = p_fair) then
        raise exception 'fair % has no event log', p_fair;
    end if;
    insert into fair_event_pending (fair_id, type, payload) values (p_fair, p_type, p_payload);
    return 0;
end
$$;
