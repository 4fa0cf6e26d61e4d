-- Contact reasons: the taxonomy, what each inbound contact was labelled with, the
-- labelled examples the classifier learns from, its stored versions, and case vectors
-- for finding similar past cases.

create table reasons (
    reason_key varchar(80) primary key,
    name varchar(200) not null,
    description varchar(2000),
    team varchar(40) references teams (code),
    parent_key varchar(80) references reasons (reason_key),
    status varchar(10) not null,
    -- A merged reason points at the one that took it over; reports follow the pointer.
    merged_into varchar(80) references reasons (reason_key),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);

create table contact_labels (
    contact_id uuid primary key references contacts (id),
    case_id uuid not null references cases (id),
    state varchar(12) not null,
    -- The message as the classifier saw it (its opening), for triage and training.
    body varchar(2000) not null,
    predicted_key varchar(80),
    confidence double precision,
    model_version integer,
    -- The reason as labelled at the time; never rewritten by later merges.
    reason_key varchar(80),
    predicted_at timestamp with time zone not null,
    labelled_by varchar(80),
    labelled_at timestamp with time zone
);
create index contact_labels_by_state on contact_labels (state, predicted_at);
create index contact_labels_by_case on contact_labels (case_id);

create table reason_examples (
    id uuid primary key,
    body varchar(100000) not null,
    reason_key varchar(80) not null references reasons (reason_key),
    source varchar(12) not null,
    contact_id uuid unique references contacts (id),
    labelled_by varchar(80) not null,
    labelled_at timestamp with time zone not null
);

create table reason_models (
    version integer primary key,
    status varchar(10) not null,
    started_at timestamp with time zone not null,
    finished_at timestamp with time zone,
    requested_by varchar(80) not null,
    encoder varchar(80) not null,
    examples integer,
    evaluated_on integer,
    reasons integer,
    accuracy double precision,
    macro_f1 double precision,
    min_confidence double precision,
    live_accuracy double precision,
    note varchar(2000),
    model bytea
);
create index reason_models_by_status on reason_models (status);

alter table cases add column contact_reason_source varchar(10);

create table case_vectors (
    case_id uuid primary key references cases (id),
    encoder varchar(80) not null,
    vector bytea not null,
    created_at timestamp with time zone not null
);
