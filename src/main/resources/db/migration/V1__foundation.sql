-- Organiser accounts are global; each fair belongs to the organiser who created it.
create sequence organiser_seq start with 1 increment by 50;
create table organiser (
    id            bigint primary key,
    email         varchar(200) not null,
    display_name  varchar(120) not null,
    password_hash varchar(200) not null,
    created_at    timestamptz  not null
);
create unique index organiser_email_uq on organiser (lower(email));

-- One-time setup token for the first organiser (hash only).
create table setup_token (
    id         int primary key check (id = 1),
    token_hash varchar(100) not null,
    created_at timestamptz  not null
);

create sequence fair_seq start with 1 increment by 50;
create table fair (
    id           bigint primary key,
    owner_id     bigint       not null references organiser (id),
    name         varchar(200) not null,
    venue        varchar(300) not null,
    starts_at    timestamptz  not null,
    ends_at      timestamptz  not null,
    time_zone    varchar(64)  not null,
    join_code    varchar(16)  not null unique,
    phase        varchar(20)  not null check (phase in ('DRAFT', 'REGISTRATION', 'LIVE', 'CLOSED')),
    created_at   timestamptz  not null,
    version      int          not null default 0,
    check (ends_at > starts_at)
);

create sequence category_seq start with 1 increment by 50;
create table category (
    id       bigint primary key,
    fair_id  bigint      not null references fair (id) on delete cascade,
    code     varchar(40) not null,
    name_pl  varchar(80) not null,
    name_en  varchar(80) not null,
    position int         not null,
    unique (fair_id, code)
);

create sequence entity_seq start with 1 increment by 50;
create table entity (
    id         bigint primary key,
    fair_id    bigint       not null references fair (id) on delete cascade,
    name       varchar(200) not null,
    sector     varchar(20)  not null check (sector in ('PUBLIC', 'NGO', 'BUSINESS', 'INFORMAL_GROUP', 'INDIVIDUAL')),
    town       varchar(100),
    contact    varchar(200),
    created_at timestamptz  not null
);
create unique index entity_name_uq on entity (fair_id, lower(name));

create sequence person_seq start with 1 increment by 50;
create table person (
    id            bigint primary key,
    fair_id       bigint       not null references fair (id) on delete cascade,
    entity_id     bigint       not null references entity (id),
    display_name  varchar(120) not null,
    roles         varchar(100) not null,
    badge_token   varchar(64)  not null unique,
    badge_version int          not null default 1,
    checked_in_at timestamptz,
    created_at    timestamptz  not null
);
create index person_fair_idx on person (fair_id);
create index person_entity_idx on person (entity_id);

-- Read-only links for the hall's big screen.
create sequence screen_link_seq start with 1 increment by 50;
create table screen_link (
    id         bigint primary key,
    fair_id    bigint      not null references fair (id) on delete cascade,
    token      varchar(64) not null unique,
    created_by varchar(80) not null,
    revoked    boolean     not null default false,
    created_at timestamptz not null
);

-- Idempotency: the first response to a key is the only effect of that key.
create table idempotency_record (
    principal    varchar(80)  not null,
    idem_key     varchar(100) not null,
    request_hash varchar(64)  not null,
    status       int,
    response     text,
    created_at   timestamptz  not null,
    primary key (principal, idem_key)
);
create index idempotency_created_idx on idempotency_record (created_at);

-- The event log: the only source of what others see. seq is gapless per fair and follows commit
-- order because every appender takes the fair's log_head row lock until it commits.
create table fair_log_head (
    fair_id  bigint primary key references fair (id) on delete cascade,
    last_seq bigint not null default 0,
    epoch    int    not null default 1
);
create table fair_event (
    fair_id    bigint      not null references fair (id) on delete cascade,
    seq        bigint      not null,
    type       varchar(40) not null,
    payload    jsonb       not null,
    created_at timestamptz not null default now(),
    primary key (fair_id, seq)
);

create sequence post_seq start with 1 increment by 50;
create table post (
    id           bigint primary key,
    fair_id      bigint        not null references fair (id) on delete cascade,
    entity_id    bigint        not null references entity (id),
    author_id    bigint        not null references person (id),
    on_behalf_by bigint references person (id),
    kind         varchar(10)   not null check (kind in ('OFFER', 'REQUEST')),
    category     varchar(40)   not null,
    title        varchar(120)  not null,
    description  varchar(2000) not null,
    quantity     varchar(100),
    availability varchar(200),
    town         varchar(100),
    value_pln    numeric(12, 2),
    hours        numeric(8, 2),
    status       varchar(12)   not null check (status in ('ACTIVE', 'WITHDRAWN')),
    hidden       boolean       not null default false,
    hidden_reason varchar(300),
    version      int           not null default 0,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null
);
create index post_fair_idx on post (fair_id, kind);

-- Appends one event in the caller's transaction. The row lock on fair_log_head is held until
-- commit, so numbers are gapless and a later number never commits before an earlier one.
-- NOTIFY is delivered at commit and only wakes listeners; they read the data from fair_event.
create function append_fair_event(p_fair bigint, p_type varchar, p_payload jsonb) returns bigint
language plpgsql as $$
declare
    next_seq bigint;
begin
    update fair_log_head set last_seq = last_seq + 1 where fair_id = p_fair returning last_seq into next_seq;
    if next_seq is null then
        raise exception 'fair % has no event log', p_fair;
    end if;
    insert into fair_event (fair_id, seq, type, payload, created_at)
    values (p_fair, next_seq, p_type, p_payload, clock_timestamp());
    perform pg_notify('fair_events', p_fair || ':' || next_seq);
    return next_seq;
end
$$;
