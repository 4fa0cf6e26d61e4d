-- Learning from ended diagnoses counts only diagnoses ended after the latest reset: a
-- reset returns the knowledge base to its expert values without deleting any diagnosis.

create table kb_learning_resets (
    id uuid primary key,
    reset_at timestamp with time zone not null,
    reset_by varchar(80) not null
);
create index kb_learning_resets_by_time on kb_learning_resets (reset_at);
