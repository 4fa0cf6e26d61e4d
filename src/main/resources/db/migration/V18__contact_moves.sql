-- Contacts an agent moved to another case because threading put them on the wrong one.
-- Kept so the customer's timeline shows where a contact went, who moved it and why.
create table contact_moves (
    id uuid primary key,
    contact_id uuid not null references contacts (id),
    customer_id uuid not null references customers (id),
    from_case_id uuid not null references cases (id),
    to_case_id uuid not null references cases (id),
    moved_by varchar(80) not null,
    moved_at timestamp with time zone not null,
    reason varchar(1000)
);
create index contact_moves_by_customer on contact_moves (customer_id, moved_at);
create index contact_moves_by_contact on contact_moves (contact_id);
