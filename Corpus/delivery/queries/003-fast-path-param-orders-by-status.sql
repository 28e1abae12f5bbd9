-- fast-path router with parameters: restaurant tablet shows its orders in one status
-- params: $1 = 12, $2 = 'delivered'
-- expect: fast-path router (deferred pruning), 1 task
SELECT order_id, placed_at, subtotal, tip FROM orders WHERE restaurant_id = $1 AND status = $2 ORDER BY placed_at, order_id;
