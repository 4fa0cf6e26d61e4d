-- A training run's last sign of life, renewed while it trains, so that one whose node
-- stopped is recognised in minutes instead of after an hour. Runs training now count
-- their start as their last sign.
alter table reason_models add column alive_at timestamp with time zone;
update reason_models set alive_at = started_at where status = 'TRAINING';
