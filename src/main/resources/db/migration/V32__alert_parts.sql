-- A segment's alert that is part of its reason's surge points at the reason's alert: it
-- is shown under it, follows its decision, and is not counted as a surge of its own.
alter table trend_alerts add column part_of uuid references trend_alerts (id);
create index trend_alerts_by_whole on trend_alerts (part_of);
