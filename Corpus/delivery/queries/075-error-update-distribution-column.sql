-- UPDATE that moves a review to another user (changes the distribution column)
-- expect: error: modifying the partition value of rows is not allowed
UPDATE reviews SET user_id = 800 WHERE user_id = 94 AND review_id = 31;
