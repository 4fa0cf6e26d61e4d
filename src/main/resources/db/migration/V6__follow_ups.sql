-- Follow-ups: what to check on a case by when, and what was found.

create table follow_ups (
    id uuid primary key,
    case_id uuid not null references cases (id),
    kind varchar(20) not null,
    due_at timestamp with time zone not null,
    owner varchar(60) not null,
    note varchar(2000) not null,
    created_at timestamp with time zone not null,
    created_by varchar(80) not null,
    completed_at timestamp with time zone,
    completed_by varchar(80),
    outcome varchar(2000)
);
create index follow_ups_open_by_due on follow_ups (completed_at, due_at);
create index follow_ups_by_case on follow_ups (case_id);
