-- A cure that did not hold: a later case of the same customer on the same matter as a
-- case that ended cured (within the recurrence window). Kept apart from recurrence_of,
-- which links a problem back after relief or an unexplained end.

create table cure_returns (
    case_id uuid primary key references cases (id),
    cured_case_id uuid not null references cases (id),
    signal varchar(20) not null,
    linked_at timestamp with time zone not null
);
create index cure_returns_by_cured_case on cure_returns (cured_case_id);
