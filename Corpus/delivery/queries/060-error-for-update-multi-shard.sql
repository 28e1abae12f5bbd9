-- FOR UPDATE without a restaurant filter (dispatcher locking open orders)
-- expect: error: could not run distributed query with FOR UPDATE/SHARE commands
SELECT restaurant_id, order_id FROM orders WHERE status = 'preparing' AND courier_id > 50 FOR UPDATE;
