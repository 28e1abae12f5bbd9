-- Food delivery. restaurants, orders, order_items and menu_items are distributed by
-- restaurant_id (bigint) and colocated; users is distributed by user_id with
-- colocate_with => 'none' (same type as restaurant_id but its own group, so orders JOIN users
-- is not colocated) and reviews is colocated with users; couriers is distributed by
-- courier_id (int, 8 shards); cities and cuisine_types are reference tables; promo_codes is
-- a local table with a foreign key to cuisine_types.
--
-- restaurants and promo_codes both reference cuisine_types when create_reference_table runs,
-- so Citus adds them to its metadata as coordinator-local tables, each taking one shard id
-- (reference document 1.2); restaurants is distributed afterwards and takes a new range.

CREATE TABLE cuisine_types (
    cuisine_id             bigint PRIMARY KEY,
    name                   text NOT NULL,
    is_vegetarian_friendly boolean NOT NULL
);

CREATE TABLE cities (
    city_id  int PRIMARY KEY,
    name     text NOT NULL,
    country  text NOT NULL,
    timezone text
);

CREATE TABLE restaurants (
    restaurant_id bigint PRIMARY KEY,
    name          text NOT NULL,
    city_id       int NOT NULL,
    cuisine_id    bigint NOT NULL REFERENCES cuisine_types (cuisine_id),
    rating        numeric(2,1),
    opened_on     date,
    is_open       boolean NOT NULL,
    address       text
);

-- local table with a foreign key to a reference table
CREATE TABLE promo_codes (
    code         text PRIMARY KEY,
    cuisine_id   bigint REFERENCES cuisine_types (cuisine_id),
    discount_pct int NOT NULL,
    valid_until  date,
    description  text
);

CREATE TABLE orders (
    restaurant_id bigint NOT NULL,
    order_id      bigint NOT NULL,
    user_id       bigint NOT NULL,
    courier_id    int,
    status        text NOT NULL,
    placed_at     timestamptz NOT NULL,
    delivered_at  timestamptz,
    subtotal      numeric(10,2) NOT NULL,
    delivery_fee  numeric(6,2) NOT NULL,
    tip           numeric(6,2),
    promo_code    text,
    PRIMARY KEY (restaurant_id, order_id)
);

CREATE TABLE order_items (
    restaurant_id bigint NOT NULL,
    order_id      bigint NOT NULL,
    line_no       int NOT NULL,
    item_name     text NOT NULL,
    quantity      int NOT NULL,
    unit_price    numeric(8,2) NOT NULL,
    notes         text,
    PRIMARY KEY (restaurant_id, order_id, line_no)
);

CREATE TABLE menu_items (
    restaurant_id bigint NOT NULL,
    item_id       int NOT NULL,
    name          text NOT NULL,
    price         numeric(8,2) NOT NULL,
    is_vegetarian boolean,
    PRIMARY KEY (restaurant_id, item_id)
);

CREATE TABLE users (
    user_id     bigint PRIMARY KEY,
    name        text NOT NULL,
    email       text NOT NULL,
    city_id     int,
    signup_date date NOT NULL,
    is_premium  boolean NOT NULL
);

CREATE TABLE reviews (
    user_id       bigint NOT NULL,
    review_id     bigint NOT NULL,
    restaurant_id bigint NOT NULL,
    stars         smallint NOT NULL,
    body          text,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, review_id)
);

CREATE TABLE couriers (
    courier_id int PRIMARY KEY,
    name       text NOT NULL,
    city_id    int NOT NULL,
    vehicle    text NOT NULL,
    hired_on   date,
    rating     numeric(3,2)
);

SELECT create_reference_table('cuisine_types');
SELECT create_reference_table('cities');
SELECT create_distributed_table('restaurants', 'restaurant_id');
SELECT create_distributed_table('orders', 'restaurant_id', colocate_with => 'restaurants');
SELECT create_distributed_table('order_items', 'restaurant_id', colocate_with => 'restaurants');
SELECT create_distributed_table('menu_items', 'restaurant_id', colocate_with => 'restaurants');
SELECT create_distributed_table('users', 'user_id', colocate_with => 'none');
SELECT create_distributed_table('reviews', 'user_id', colocate_with => 'users');
SELECT create_distributed_table('couriers', 'courier_id', shard_count => 8);

ALTER TABLE restaurants ADD CONSTRAINT restaurants_city_fk FOREIGN KEY (city_id) REFERENCES cities (city_id);
ALTER TABLE orders ADD CONSTRAINT orders_restaurant_fk FOREIGN KEY (restaurant_id) REFERENCES restaurants (restaurant_id);
ALTER TABLE order_items ADD CONSTRAINT order_items_order_fk FOREIGN KEY (restaurant_id, order_id) REFERENCES orders (restaurant_id, order_id);
ALTER TABLE menu_items ADD CONSTRAINT menu_items_restaurant_fk FOREIGN KEY (restaurant_id) REFERENCES restaurants (restaurant_id);

-- ---------------------------------------------------------------------------
-- Deterministic data. Restaurants 1..150 (141..150 have no orders), users 1..800
-- (user u lives in city (u % 8) + 1), couriers 1..60, orders 1..3000 with 1-4 items each;
-- an order's subtotal is the sum of its items.
-- ---------------------------------------------------------------------------
INSERT INTO cuisine_types VALUES
    (1, 'Italian', true), (2, 'Japanese', true), (3, 'Mexican', true), (4, 'Burgers', false),
    (5, 'Indian', true), (6, 'Thai', true), (7, 'Crêperie', true), (8, 'BBQ & Grill', false);

INSERT INTO cities VALUES
    (1, 'Berlin', 'DE', 'Europe/Berlin'), (2, 'München', 'DE', 'Europe/Berlin'),
    (3, 'Paris', 'FR', 'Europe/Paris'), (4, 'Amsterdam', 'NL', 'Europe/Amsterdam'),
    (5, 'New York', 'US', 'America/New_York'), (6, 'São Paulo', 'BR', 'America/Sao_Paulo'),
    (7, 'Tokyo', 'JP', 'Asia/Tokyo'), (8, 'Reykjavík', 'IS', NULL);

INSERT INTO promo_codes VALUES
    ('WELCOME10', NULL, 10, date '2025-12-31', 'New users'),
    ('PASTA20', 1, 20, date '2024-12-31', 'Pasta "Tuesday"'),
    ('SUSHI15', 2, 15, date '2024-06-30', NULL),
    ('TACO5', 3, 5, NULL, 'Taco''s special'),
    ('CURRY25', 5, 25, date '2024-03-31', 'Curry — 25 %');

INSERT INTO restaurants (restaurant_id, name, city_id, cuisine_id, rating, opened_on, is_open, address)
SELECT i,
       CASE WHEN i % 20 = 0 THEN 'Trattoria ''Da Mario'' ' || i
            WHEN i % 17 = 0 THEN 'Café Ünter den Linden ' || i
            ELSE 'Restaurant ' || i END,
       1 + i % 8,
       1 + (i / 8) % 8,
       CASE WHEN i % 12 = 0 THEN NULL ELSE round(2.5 + (i % 25) / 10.0, 1) END,
       date '2015-01-01' + i * 23,
       i % 13 <> 0,
       CASE WHEN i % 9 = 0 THEN NULL ELSE i || ' Main Street' END
FROM generate_series(1, 150) i;

INSERT INTO menu_items (restaurant_id, item_id, name, price, is_vegetarian)
SELECT r, k,
       (ARRAY['Margherita', 'Ramen', 'Burrito', 'Cheeseburger', 'Paneer Tikka', 'Pad Thai', 'Crêpe Suzette', 'Ribs'])[1 + (r + k) % 8] || ' #' || k,
       round(6.5 + ((r * 7 + k * 3) % 20) * 0.75, 2),
       CASE WHEN (r + k) % 5 = 0 THEN NULL ELSE (r + k) % 3 <> 0 END
FROM generate_series(1, 150) r, generate_series(1, 6) k;

INSERT INTO users (user_id, name, email, city_id, signup_date, is_premium)
SELECT i,
       CASE WHEN i % 30 = 0 THEN 'Renée O''Connor ' || i ELSE 'User ' || i END,
       'user' || i || '@mail.example',
       CASE WHEN i % 41 = 0 THEN NULL ELSE (i % 8) + 1 END,
       date '2022-01-01' + (i * 5) % 900,
       i % 6 = 0
FROM generate_series(1, 800) i;

INSERT INTO couriers (courier_id, name, city_id, vehicle, hired_on, rating)
SELECT i,
       'Courier ' || i,
       (i % 8) + 1,
       (ARRAY['bike', 'e-bike', 'scooter', 'car'])[1 + i % 4],
       CASE WHEN i % 10 = 0 THEN NULL ELSE date '2021-01-01' + i * 11 END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE round(3.5 + (i % 15) / 10.0, 2) END
FROM generate_series(1, 60) i;

INSERT INTO orders (restaurant_id, order_id, user_id, courier_id, status, placed_at, delivered_at, subtotal, delivery_fee, tip, promo_code)
SELECT (i % 140) + 1,
       i,
       (i * 7) % 800 + 1,
       CASE WHEN (i / 140) % 9 = 0 THEN NULL ELSE 1 + (i * 13) % 60 END,
       CASE WHEN (i / 140) % 9 = 0 THEN 'cancelled'
            ELSE (ARRAY['delivered', 'delivered', 'delivered', 'on_the_way', 'preparing'])[1 + (i / 3) % 5] END,
       timestamptz '2024-04-01 11:00:00+00' + i * interval '13 minutes',
       CASE WHEN (i / 140) % 9 = 0 OR (i / 3) % 5 >= 3 THEN NULL
            ELSE timestamptz '2024-04-01 11:00:00+00' + i * interval '13 minutes' + (20 + i % 40) * interval '1 minute' END,
       (SELECT sum((1 + (i + l) % 3) * round(6.5 + ((((i % 140) + 1) * 7 + l * 3) % 20) * 0.75, 2))
          FROM generate_series(1, 1 + i % 4) l),
       (ARRAY[1.99, 2.49, 0.00, 3.99])[1 + i % 4],
       CASE WHEN i % 5 = 0 THEN NULL ELSE round((i % 8) * 0.5, 2) END,
       CASE WHEN i % 11 = 0 THEN 'WELCOME10' WHEN i % 23 = 0 THEN 'PASTA20' END
FROM generate_series(1, 3000) i;

INSERT INTO order_items (restaurant_id, order_id, line_no, item_name, quantity, unit_price, notes)
SELECT o.restaurant_id, o.order_id, l,
       (ARRAY['Margherita', 'Ramen', 'Burrito', 'Cheeseburger', 'Paneer Tikka', 'Pad Thai', 'Crêpe Suzette', 'Ribs'])[1 + (o.restaurant_id + l) % 8] || ' #' || l,
       1 + (o.order_id + l) % 3,
       round(6.5 + ((o.restaurant_id * 7 + l * 3) % 20) * 0.75, 2),
       CASE WHEN (o.order_id + l) % 10 = 0 THEN 'no onions, "extra" spicy' END
FROM (SELECT (i % 140) + 1 AS restaurant_id, i AS order_id FROM generate_series(1, 3000) i) o,
     generate_series(1, 4) l
WHERE l <= 1 + o.order_id % 4;

INSERT INTO reviews (user_id, review_id, restaurant_id, stars, body, created_at)
SELECT (i * 3) % 800 + 1,
       i,
       (i % 150) + 1,
       (1 + (i * 7) % 5)::smallint,
       CASE WHEN i % 4 = 0 THEN NULL
            WHEN i % 9 = 0 THEN 'Très bon! "Would" order again 👍'
            ELSE 'Review ' || i END,
       timestamptz '2024-04-02 00:00:00+00' + i * interval '41 minutes'
FROM generate_series(1, 1200) i;
