-- Since when the customer has been waiting for our answer: set as a case becomes new or
-- open (their turn is over), cleared as it waits on them again or ends. The queue shows
-- and orders cases by it plus the answer target of the case's channel.
alter table cases add column waiting_since timestamp with time zone;

-- Cases waiting now: since they last came back to us from the customer, else since opened.
update cases set waiting_since = coalesce(
    (select max(t.occurred_at) from case_transitions t
     where t.case_id = cases.id and t.to_status = 'OPEN' and t.from_status not in ('NEW', 'OPEN')),
    opened_at)
where status in ('NEW', 'OPEN');
