-- fast-path router UPDATE: distribution key equality AND another filter (reference 3.2)
-- expect: fast-path router (modify), 1 task on customers_102023
UPDATE customers SET score = score + 1 WHERE id = 3 AND name = 'c3';
