-- The demo dataset's load, so that one cut short (the process stopped mid-load) is told
-- apart from a finished one on the next start.
create table demo_loads (
    name varchar(40) primary key,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone
);
