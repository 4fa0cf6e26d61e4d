-- Why a contact was left to triage (UNSURE, OUT_OF_SCOPE, NOT_READ, EMPTY, REASON_RETIRED);
-- null for contacts given a reason. Of those already waiting, the ones no model read are
-- known from the row; whether a model found the others unsure or out of scope is not.
alter table contact_labels add column doubt varchar(20);
update contact_labels set doubt = 'NOT_READ'
  where state = 'UNCLASSIFIED' and model_version is null and body <> '';
update contact_labels set doubt = 'EMPTY' where state = 'UNCLASSIFIED' and body = '';
