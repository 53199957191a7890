-- "Potrzebuję pomocy": a person asks for a broker; brokers (notaries, animators) take and close.
create sequence help_request_seq start with 1 increment by 50;
create table help_request (
    id         bigint primary key,
    fair_id    bigint       not null references fair (id) on delete cascade,
    person_id  bigint       not null references person (id),
    entity_id  bigint       not null references entity (id),
    note       varchar(300),
    status     varchar(8)   not null check (status in ('OPEN', 'TAKEN', 'DONE')),
    taken_by   bigint references person (id),
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index help_request_fair_idx on help_request (fair_id, status);
