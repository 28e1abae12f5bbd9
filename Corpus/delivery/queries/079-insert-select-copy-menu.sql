-- INSERT ... SELECT copying a menu to another restaurant (target key is a constant, not the source key)
-- expect: unsupported (INSERT ... SELECT); Citus: pull to coordinator (router source mapped to a different shard)
INSERT INTO menu_items (restaurant_id, item_id, name, price, is_vegetarian)
SELECT 150, item_id, name, price, is_vegetarian FROM menu_items WHERE restaurant_id = 12
ON CONFLICT (restaurant_id, item_id) DO NOTHING;
