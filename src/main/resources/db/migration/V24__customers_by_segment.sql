-- A notice to a segment finds its customers by attribute and value (plan=Fibre 500).
create index customer_attributes_by_value on customer_attributes (name, attribute_value);
