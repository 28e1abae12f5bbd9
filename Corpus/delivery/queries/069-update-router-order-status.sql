-- UPDATE one order (router) with RETURNING
-- expect: fast-path router (modify), 1 task
UPDATE orders SET status = 'delivered', delivered_at = placed_at + interval '35 minutes' WHERE restaurant_id = 12 AND order_id = 431 RETURNING order_id, status, delivered_at;
