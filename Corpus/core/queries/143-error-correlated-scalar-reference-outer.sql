-- correlated scalar subquery in the target list over a reference table (reference 6.2)
-- expect: error: correlated subqueries are not supported when the FROM clause contains a reference table
SELECT k.code, (SELECT count(*) FROM customers c WHERE c.country = k.code) AS n FROM countries k;
