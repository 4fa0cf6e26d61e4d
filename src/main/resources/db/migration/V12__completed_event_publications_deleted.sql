-- Completed event publications are deleted from now on (spring.modulith.events.completion-mode);
-- those completed before are of no further use either.
delete from event_publication where completion_date is not null;
