-- Solved means solved: typed actions name the cause and remedy they apply, cases carry
-- what their resolution is (derived kind, how it ended, the confirmation request) and
-- how often they came back.

alter table case_actions add column cause_key varchar(80);
alter table case_actions add column remedy varchar(300);

alter table cases add column palliative_actions integer default 0 not null;
alter table cases add column cure_applied_for varchar(80);
alter table cases add column resolution_kind varchar(20);
alter table cases add column resolution_outcome varchar(30);
alter table cases add column resolution_proposed_at timestamp with time zone;
alter table cases add column reminder_sent_at timestamp with time zone;
alter table cases add column reopen_count integer default 0 not null;

create index cases_awaiting_confirmation on cases (status, resolution_proposed_at);
create index cases_by_resolution_kind on cases (resolution_kind, status);

-- The customer status link: one token per message that carried it, stored hashed.
create table case_status_links (
    token_hash varchar(64) primary key,
    case_id uuid not null references cases (id),
    issued_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index case_status_links_by_case on case_status_links (case_id);

-- ShedLock: jobs that must run once across all nodes.
create table shedlock (
    name varchar(64) primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
