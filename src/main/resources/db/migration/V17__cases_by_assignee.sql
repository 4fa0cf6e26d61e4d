-- An agent's own queue ("assigned to me") is the view agents open most.
create index cases_by_assignee on cases (assignee, status, last_activity_at);
