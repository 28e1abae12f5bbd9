-- several FILTER clauses on pushable aggregates
-- expect: multi-shard, 16 tasks; FILTER kept on the workers
SELECT count(*) FILTER (WHERE paid_on IS NULL) AS open,
       count(*) FILTER (WHERE paid_on > issued_on + 14) AS late,
       sum(amount) FILTER (WHERE currency = 'EUR') AS eur_total
FROM invoices;
