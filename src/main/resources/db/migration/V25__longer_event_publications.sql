-- A contact's event carries its text, and a text may be as long as intake accepts
-- (rootcase.intake.max-text-length, 100 000 characters by default): with the event's other
-- fields that did not fit the 100 000 characters this column had, so the longest contacts
-- were refused with a server error. Widened to the longest varchar both databases take
-- (a varchar, not a text/clob: the registry compares this column in its updates).
alter table event_publication alter column serialized_event set data type varchar(10485760);
