-- Webhooks: endpoints of other systems subscribed to events, and each event's delivery to
-- each of them, kept until the receiver takes it (or it is given up), so none is lost to
-- a restart or a receiver that is down. The secret signs deliveries, so it is kept as is.
create table webhook_subscriptions (
    id uuid primary key,
    url varchar(2000) not null,
    events varchar(400) not null,
    secret varchar(100) not null,
    created_at timestamp with time zone not null,
    created_by varchar(80) not null,
    removed_at timestamp with time zone
);

create table webhook_deliveries (
    id uuid primary key,
    subscription_id uuid not null references webhook_subscriptions (id),
    event_id uuid not null,
    event varchar(40) not null,
    payload text not null,
    created_at timestamp with time zone not null,
    state varchar(20) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_status integer,
    last_error varchar(1000)
);
create index webhook_deliveries_due on webhook_deliveries (state, next_attempt_at);
create index webhook_deliveries_by_subscription on webhook_deliveries (subscription_id, created_at);
