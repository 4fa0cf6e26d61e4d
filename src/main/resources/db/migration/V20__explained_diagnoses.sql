-- A diagnosis that ended "unknown" whose cause an investigation found later (status
-- EXPLAINED, the cause in cause_key): when, and by whom.
alter table diagnoses add column explained_at timestamp with time zone;
alter table diagnoses add column explained_by varchar(80);
