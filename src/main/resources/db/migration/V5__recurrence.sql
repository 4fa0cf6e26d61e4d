-- A problem that comes back: a case links to the earlier case it recurs, with what showed
-- it, and notes when the customer says so themselves.

alter table cases add column recurrence_of uuid references cases (id);
alter table cases add column recurrence_signal varchar(20);
alter table cases add column customer_says_recurs boolean default false not null;

create index cases_by_customer_activity on cases (customer_id, last_activity_at);
