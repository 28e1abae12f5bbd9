-- reference FULL JOIN distributed: distributed side recursively planned (reference 6.2)
-- expect: unsupported (recursive planning)
SELECT t.id AS tier_id, c.id AS customer_id FROM tiers t FULL JOIN customers c ON t.id = c.id WHERE coalesce(t.id, c.id) < 20 OR t.id > 100;
