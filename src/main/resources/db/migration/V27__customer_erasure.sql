-- A customer's personal data erased on request (their identities, name, segment and
-- every message of theirs): when, by whom and why, so the erasure itself is on record.
alter table customers add column erased_at timestamp with time zone;
alter table customers add column erased_by varchar(80);
alter table customers add column erasure_reason varchar(200);
