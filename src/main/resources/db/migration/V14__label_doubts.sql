-- Why a contact was left to triage (UNSURE, OUT_OF_SCOPE, NOT_READ, EMPTY, REASON_RETIRED);
-- null for contacts given a reason, and for those labelled before this was recorded.
alter table contact_labels add column doubt varchar(20);
