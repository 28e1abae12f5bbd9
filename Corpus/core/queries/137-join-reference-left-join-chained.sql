-- reference LEFT JOIN a chain of distributed joins: not a single relation on the inner side, so the distributed side is recursively planned (reference 6.2)
-- expect: unsupported (recursive planning)
SELECT t.label, c.name, o.id AS order_id FROM tiers t LEFT JOIN (customers c JOIN orders o ON o.customer_id = c.id) ON c.id = t.id;
