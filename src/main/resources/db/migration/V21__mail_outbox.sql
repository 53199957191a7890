-- Mail that the app owes somebody. A row is written in the same transaction as the change that
-- causes it (a trigger here for registered contracts) and sent later by MailWorker: a crash or an
-- SMTP outage leaves it waiting, never lost; dedupe_key keeps one mail per cause and recipient.
create table mail_outbox (
    id              bigserial primary key,
    fair_id         bigint       references fair (id) on delete cascade,
    purpose         varchar(40)  not null,
    dedupe_key      varchar(200) not null unique,
    to_address      varchar(254) not null,
    language        varchar(5)   not null default 'pl',
    contract_id     bigint,
    entity_id       bigint,
    -- Fixed when the row is written: a resend after an unclear failure carries the same id, so a
    -- receiving server or mail client can tell a duplicate.
    message_id      varchar(120) not null unique,
    status          varchar(10)  not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'SENT', 'KEPT', 'FAILED')),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    lease_until     timestamptz,
    claimed_by      varchar(80),
    subject         varchar(300),
    body_text       text,
    last_error      varchar(1000),
    smtp_reply      varchar(1000),
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where status in ('PENDING', 'SENDING');
create index mail_outbox_fair on mail_outbox (fair_id, id);

-- A contract registered (by any path: one by one, in a batch, on paper) owes each party whose
-- contact is an e-mail address its PDF.
create function mail_registered_contract() returns trigger language plpgsql as $$
begin
    insert into mail_outbox (fair_id, purpose, dedupe_key, to_address, contract_id, entity_id, message_id)
    select new.fair_id, 'contract.pdf',
           'contract.pdf:' || new.id || ':' || e.id,
           lower(trim(e.contact)), new.id, e.id,
           '<' || gen_random_uuid() || '@gielda>'
      from contract_party p
      join entity e on e.id = p.entity_id
     where p.contract_id = new.id
       and trim(e.contact) ~* '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$'
    on conflict (dedupe_key) do nothing;
    return new;
end $$;

-- Deferred to the commit, so a contract entered on paper (inserted as registered, its parties
-- after it) has its parties by then; a later update of a registered contract finds its mails
-- already written (dedupe_key).
create constraint trigger contract_registered_mail
    after insert or update on contract
    deferrable initially deferred
    for each row when (new.status = 'REGISTERED')
    execute function mail_registered_contract();
