-- Wrong passwords in a row for one agent pause their sign-in for a while, on every node.
alter table agents add column failed_sign_ins integer not null default 0;
alter table agents add column sign_in_paused_until timestamp with time zone;
