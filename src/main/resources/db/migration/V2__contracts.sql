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

-- The next registration number of a fair and the chain's head hash, taken under the head row's
-- lock (held until the caller's transaction ends). Creates the row on a fair's first registration.
create function next_contract_number(p_fair bigint) returns table (next_number int, prev_hash varchar)
language plpgsql as $$
begin
    insert into fair_contract_head (fair_id) values (p_fair) on conflict do nothing;
    return query
        update fair_contract_head h set last_number = h.last_number + 1
        where h.fair_id = p_fair
        returning h.last_number, h.last_hash;
end
$$;
