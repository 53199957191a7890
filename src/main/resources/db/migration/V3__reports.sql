-- Follow-up after the fair: what became of each registered contract, as a history. Entries of a
-- contract are numbered (version) under the contract's row lock, so version order is also the
-- order their contract.followUp events commit to the fair's log: the highest version is the
-- current delivery status for the tables and for a fold over the log alike.
create sequence contract_follow_up_seq start with 1 increment by 50;
create table contract_follow_up (
    id          bigint primary key,
    fair_id     bigint        not null references fair (id) on delete cascade,
    contract_id bigint        not null references contract (id) on delete cascade,
    version     int           not null,
    status      varchar(16)   not null
        check (status in ('DELIVERED', 'IN_PROGRESS', 'NO_CONTACT', 'NOT_FEASIBLE')),
    status_date date          not null,
    note        varchar(1000),
    set_by      varchar(80)   not null,
    set_by_name varchar(120)  not null,
    person_id   bigint        references person (id),
    entity_id   bigint        references entity (id),
    created_at  timestamptz   not null,
    unique (contract_id, version)
);
create index contract_follow_up_fair_idx on contract_follow_up (fair_id);

-- The figures a fair closed with: recomputed from the event log (fold) and from the tables in one
-- snapshot, at the log's last number and the contract chain's head. They must agree; if they do
-- not, closing still happens and the difference is kept here for someone to look at.
create table fair_closing (
    fair_id     bigint       primary key references fair (id) on delete cascade,
    seq         bigint       not null,
    chain_head  varchar(64)  not null,
    contracts   int          not null,
    tallies     jsonb        not null,
    sql_tallies jsonb        not null,
    matches     boolean      not null,
    mismatch    text,
    computed_at timestamptz  not null
);
