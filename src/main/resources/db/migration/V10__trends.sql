-- Trends: contact counts per series, surge alerts, and emerging clusters of the cases
-- nobody can explain yet.

-- What each inbound contact counts toward: its hour, its case's reason and known root
-- cause, and its customer's segment attributes when it arrived. Kept so a later reason
-- or root cause moves the contact from one series to another.
create table trend_contacts (
    contact_id uuid primary key references contacts (id),
    case_id uuid not null references cases (id),
    hour_start timestamp with time zone not null,
    reason_key varchar(80),
    cause_key varchar(80),
    -- attribute=value lines
    segments varchar(2000) not null
);
create index trend_contacts_by_case on trend_contacts (case_id);
create index trend_contacts_by_hour on trend_contacts (hour_start);

-- One row per case whose contacts are counted: the lock that keeps two nodes from
-- counting one case's contacts at once.
create table trend_case_locks (
    case_id uuid primary key
);

-- Contacts per series and hour or day, kept up to date as contacts arrive.
create table trend_counts (
    series_key varchar(400) not null,
    granularity varchar(4) not null,
    bucket_start timestamp with time zone not null,
    contacts integer not null,
    primary key (series_key, granularity, bucket_start)
);
create index trend_counts_by_bucket on trend_counts (granularity, bucket_start);

-- The last hour the surge detector has tested (one row).
create table trend_watch (
    id integer primary key,
    tested_through timestamp with time zone not null
);

create table trend_alerts (
    id uuid primary key,
    series_key varchar(400) not null,
    state varchar(12) not null,
    -- the first hour of the surge and the last hour it was flagged
    surging_since timestamp with time zone not null,
    last_flagged timestamp with time zone not null,
    detected_at timestamp with time zone not null,
    observed integer not null,
    expected double precision not null,
    p_value double precision not null,
    acted_by varchar(80),
    acted_at timestamp with time zone,
    dismiss_reason varchar(500),
    problem_reference varchar(20)
);
create index trend_alerts_by_series on trend_alerts (series_key, last_flagged);
create index trend_alerts_by_state on trend_alerts (state, detected_at);

create table emerging_clusters (
    id uuid primary key,
    found_at timestamp with time zone not null,
    state varchar(12) not null,
    size integer not null,
    last_week integer not null,
    week_before integer not null,
    terms varchar(500) not null,
    outcome varchar(200),
    acted_by varchar(80),
    acted_at timestamp with time zone
);
create index emerging_clusters_by_state on emerging_clusters (state, found_at);

create table emerging_cluster_cases (
    cluster_id uuid not null references emerging_clusters (id),
    case_id uuid not null references cases (id),
    -- 1, 2, 3 for the messages nearest the cluster's centre, else null
    representative integer,
    message varchar(2000),
    primary key (cluster_id, case_id)
);
create index emerging_cluster_cases_by_case on emerging_cluster_cases (case_id);
