-- INSERT into a reference table with RETURNING
-- expect: insert into reference table, 1 task on all placements
INSERT INTO plans (plan_id, name, monthly_price, max_users) VALUES (5, 'Team', 29.00, 25) RETURNING plan_id, name;
