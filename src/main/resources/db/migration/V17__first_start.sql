-- "Forgot password" without e-mail: a one-time link (hash only) that sets an organiser's new
-- password, issued by a fellow organiser or printed in the server's console on request.
create table organiser_password_reset (
    token_hash   varchar(100) primary key,
    organiser_id bigint       not null references organiser (id) on delete cascade,
    issued_by    bigint       references organiser (id) on delete set null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null
);
create index organiser_password_reset_organiser on organiser_password_reset (organiser_id);

-- Settings the organiser chooses on the console, e.g. the hall address printed on badges when
-- PUBLIC_URL is not configured.
create table app_setting (
    name       varchar(100) primary key,
    value      varchar(500) not null,
    updated_at timestamptz  not null
);
