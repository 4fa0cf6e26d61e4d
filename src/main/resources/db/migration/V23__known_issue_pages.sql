-- The public page customers follow a problem on (its notices and where the fix stands),
-- made with its first notice. The token is the page's only key; it is kept as is because
-- every later notice carries the same link, and the page shows only what the notices
-- already told the customers.
create table known_issue_pages (
    problem_id uuid primary key references problems (id),
    token varchar(64) not null unique,
    created_at timestamp with time zone not null
);
