-- Who may act for an entity. Joining an existing entity is a request its members (or the help
-- desk, or the organiser) decide; an entity created by self-join is unconfirmed until the help
-- desk or the organiser confirms it. Entities that exist already were added by trusted paths.
alter table entity add column confirmed boolean not null default true;
alter table entity add column confirmed_by varchar(80);
alter table entity add column confirmed_at timestamptz;

create sequence join_request_seq start with 1 increment by 50;
create table join_request (
    id           bigint primary key,
    fair_id      bigint       not null references fair (id) on delete cascade,
    entity_id    bigint       not null references entity (id),
    display_name varchar(120) not null,
    status       varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    created_at   timestamptz  not null,
    -- A PENDING request past this moment is expired: it can no longer be approved.
    expires_at   timestamptz  not null,
    decided_by   varchar(80),
    decided_at   timestamptz,
    person_id    bigint references person (id)
);
create index join_request_waiting_idx on join_request (fair_id, entity_id) where status = 'PENDING';
