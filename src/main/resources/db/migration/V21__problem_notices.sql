-- Notices: what a problem's team told the customers it affects, before they had to ask.
-- The digest (SHA-256 of the message) makes a second identical notice of one problem,
-- e.g. a double click, fail on the unique constraint instead of telling everyone twice.
create table problem_notices (
    id uuid primary key,
    problem_id uuid not null references problems (id),
    problem_reference varchar(30) not null,
    message varchar(2000) not null,
    message_digest varchar(64) not null,
    published_at timestamp with time zone not null,
    published_by varchar(80) not null,
    unreachable integer not null,
    constraint problem_notices_once unique (problem_id, message_digest)
);

-- One row per customer told: on which channel and address, and the case linked to the
-- problem they had then, if any (none: told before they called).
create table notice_deliveries (
    notice_id uuid not null references problem_notices (id),
    customer_id uuid not null references customers (id),
    case_id uuid references cases (id),
    channel varchar(10) not null,
    address varchar(320) not null,
    primary key (notice_id, customer_id)
);
create index notice_deliveries_by_customer on notice_deliveries (customer_id);
