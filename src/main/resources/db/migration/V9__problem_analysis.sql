-- Blameless root-cause analyses of problems and their action items.

create table problem_rca_entries (
    id uuid primary key,
    problem_id uuid not null references problems (id),
    kind varchar(10) not null,
    position integer not null,
    occurred_at timestamp with time zone,
    category varchar(10),
    body varchar(2000) not null
);
create index problem_rca_by_problem on problem_rca_entries (problem_id, kind, position);

create table problem_action_items (
    id uuid primary key,
    problem_id uuid not null references problems (id),
    title varchar(500) not null,
    owner_team varchar(40) not null references teams (code),
    owner varchar(60) not null,
    due_date date not null,
    status varchar(10) not null,
    created_at timestamp with time zone not null,
    created_by varchar(80) not null,
    done_at timestamp with time zone
);
create index problem_action_items_by_team on problem_action_items (owner_team, status, due_date);
create index problem_action_items_by_problem on problem_action_items (problem_id);
