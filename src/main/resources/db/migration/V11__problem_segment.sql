-- The customer segment a problem affects (attribute=value, e.g. plan=Fibre 500), which
-- its fix verification counts matching contacts in.
alter table problems add column segment varchar(270);
