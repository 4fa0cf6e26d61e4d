-- The case a case was merged into by an agent (its contacts moved there and it closed),
-- so agents and the customer's status link are sent on to where the conversation went.
alter table cases add column merged_into uuid references cases (id);
