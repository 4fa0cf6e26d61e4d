-- A status change can be undone when what caused it turns out not to belong to the case
-- (the customer's message that reopened it was about another matter and was moved): the
-- change back names the change it undoes, so both stay in the history and neither counts
-- in the resolution figures.
alter table case_transitions add column undoes uuid references case_transitions (id);
