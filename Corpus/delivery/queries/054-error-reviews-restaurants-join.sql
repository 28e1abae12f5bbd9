-- non-colocated join: reviews (by user_id) JOIN restaurants on restaurant_id
-- expect: error: the query contains a join that requires repartitioning
SELECT r.name, avg(v.stars) FROM reviews v JOIN restaurants r ON r.restaurant_id = v.restaurant_id GROUP BY r.name;
