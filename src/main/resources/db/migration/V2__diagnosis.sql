-- Guided diagnosis: versioned knowledge bases, and the diagnoses run on cases.

create table kb_versions (
    id uuid primary key,
    version_number integer not null unique,
    label varchar(100) not null,
    content varchar(1000000) not null,
    imported_at timestamp with time zone not null,
    imported_by varchar(80) not null
);

create table diagnoses (
    id uuid primary key,
    case_id uuid not null references cases (id),
    kb_version_id uuid not null references kb_versions (id),
    status varchar(20) not null,
    started_at timestamp with time zone not null,
    started_by varchar(80) not null,
    finished_at timestamp with time zone,
    finished_by varchar(80),
    cause_key varchar(80),
    version integer not null
);
create index diagnoses_by_case on diagnoses (case_id, started_at);
create index diagnoses_by_status on diagnoses (status, finished_at);

create table diagnosis_answers (
    diagnosis_id uuid not null references diagnoses (id),
    question_key varchar(80) not null,
    answer varchar(80) not null,
    source varchar(20) not null,
    recorded_at timestamp with time zone not null,
    recorded_by varchar(80) not null,
    primary key (diagnosis_id, question_key)
);

create table diagnosis_skips (
    diagnosis_id uuid not null references diagnoses (id),
    question_key varchar(80) not null,
    primary key (diagnosis_id, question_key)
);
