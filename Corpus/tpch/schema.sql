-- TPC-H schema (standard column names and types) in the usual Citus layout: lineitem and
-- orders distributed by orderkey and colocated (32 shards); customer distributed by custkey
-- (16 shards); part and partsupp distributed by partkey and colocated (8 shards); supplier
-- distributed by suppkey (4 shards); nation and region are reference tables.
-- The data is a tiny deterministic imitation of dbgen: 200 parts, 20 suppliers, 150
-- customers (101..150 have no orders), 1500 orders, about 6000 line items; order totals and
-- statuses are computed from the line items with the same formulas.

CREATE TABLE region (
    r_regionkey integer NOT NULL,
    r_name      char(25) NOT NULL,
    r_comment   varchar(152),
    PRIMARY KEY (r_regionkey)
);

CREATE TABLE nation (
    n_nationkey integer NOT NULL,
    n_name      char(25) NOT NULL,
    n_regionkey integer NOT NULL,
    n_comment   varchar(152),
    PRIMARY KEY (n_nationkey)
);

CREATE TABLE part (
    p_partkey     integer NOT NULL,
    p_name        varchar(55) NOT NULL,
    p_mfgr        char(25) NOT NULL,
    p_brand       char(10) NOT NULL,
    p_type        varchar(25) NOT NULL,
    p_size        integer NOT NULL,
    p_container   char(10) NOT NULL,
    p_retailprice decimal(15,2) NOT NULL,
    p_comment     varchar(23) NOT NULL,
    PRIMARY KEY (p_partkey)
);

CREATE TABLE supplier (
    s_suppkey   integer NOT NULL,
    s_name      char(25) NOT NULL,
    s_address   varchar(40) NOT NULL,
    s_nationkey integer NOT NULL,
    s_phone     char(15) NOT NULL,
    s_acctbal   decimal(15,2) NOT NULL,
    s_comment   varchar(101) NOT NULL,
    PRIMARY KEY (s_suppkey)
);

CREATE TABLE partsupp (
    ps_partkey    integer NOT NULL,
    ps_suppkey    integer NOT NULL,
    ps_availqty   integer NOT NULL,
    ps_supplycost decimal(15,2) NOT NULL,
    ps_comment    varchar(199) NOT NULL,
    PRIMARY KEY (ps_partkey, ps_suppkey)
);

CREATE TABLE customer (
    c_custkey    integer NOT NULL,
    c_name       varchar(25) NOT NULL,
    c_address    varchar(40) NOT NULL,
    c_nationkey  integer NOT NULL,
    c_phone      char(15) NOT NULL,
    c_acctbal    decimal(15,2) NOT NULL,
    c_mktsegment char(10) NOT NULL,
    c_comment    varchar(117) NOT NULL,
    PRIMARY KEY (c_custkey)
);

CREATE TABLE orders (
    o_orderkey      integer NOT NULL,
    o_custkey       integer NOT NULL,
    o_orderstatus   char(1) NOT NULL,
    o_totalprice    decimal(15,2) NOT NULL,
    o_orderdate     date NOT NULL,
    o_orderpriority char(15) NOT NULL,
    o_clerk         char(15) NOT NULL,
    o_shippriority  integer NOT NULL,
    o_comment       varchar(79) NOT NULL,
    PRIMARY KEY (o_orderkey)
);

CREATE TABLE lineitem (
    l_orderkey      integer NOT NULL,
    l_partkey       integer NOT NULL,
    l_suppkey       integer NOT NULL,
    l_linenumber    integer NOT NULL,
    l_quantity      decimal(15,2) NOT NULL,
    l_extendedprice decimal(15,2) NOT NULL,
    l_discount      decimal(15,2) NOT NULL,
    l_tax           decimal(15,2) NOT NULL,
    l_returnflag    char(1) NOT NULL,
    l_linestatus    char(1) NOT NULL,
    l_shipdate      date NOT NULL,
    l_commitdate    date NOT NULL,
    l_receiptdate   date NOT NULL,
    l_shipinstruct  char(25) NOT NULL,
    l_shipmode      char(10) NOT NULL,
    l_comment       varchar(44) NOT NULL,
    PRIMARY KEY (l_orderkey, l_linenumber)
);

SELECT create_reference_table('region');
SELECT create_reference_table('nation');
SELECT create_distributed_table('lineitem', 'l_orderkey');
SELECT create_distributed_table('orders', 'o_orderkey', colocate_with => 'lineitem');
SELECT create_distributed_table('customer', 'c_custkey', shard_count => 16);
SELECT create_distributed_table('part', 'p_partkey', shard_count => 8);
SELECT create_distributed_table('partsupp', 'ps_partkey', colocate_with => 'part');
SELECT create_distributed_table('supplier', 's_suppkey', shard_count => 4);

-- ---------------------------------------------------------------------------
-- Deterministic data
-- ---------------------------------------------------------------------------
INSERT INTO region VALUES
    (0, 'AFRICA', 'lar deposits. blithely final packages cajole'),
    (1, 'AMERICA', 'hs use ironic, even requests. s'),
    (2, 'ASIA', 'ges. thinly even pinto beans ca'),
    (3, 'EUROPE', 'ly final courts cajole furiously final excuse'),
    (4, 'MIDDLE EAST', 'uickly special accounts cajole carefully blithely close requests');

INSERT INTO nation VALUES
    (0, 'ALGERIA', 0, ' haggle. carefully final deposits detect slyly agai'),
    (1, 'ARGENTINA', 1, 'al foxes promise slyly according to the regular accounts'),
    (2, 'BRAZIL', 1, 'y alongside of the pending deposits'),
    (3, 'CANADA', 1, 'eas hang ironic, silent packages'),
    (4, 'EGYPT', 4, 'y above the carefully unusual theodolites'),
    (5, 'ETHIOPIA', 0, 'ven packages wake quickly. regu'),
    (6, 'FRANCE', 3, 'refully final requests. regular, ironi'),
    (7, 'GERMANY', 3, 'l platelets. regular accounts x-ray: unusual, regular acco'),
    (8, 'INDIA', 2, 'ss excuses cajole slyly across the packages'),
    (9, 'INDONESIA', 2, ' slyly express asymptotes. regular deposits haggle slyly'),
    (10, 'IRAN', 4, 'efully alongside of the slyly final dependencies'),
    (11, 'IRAQ', 4, 'nic deposits boost atop the quickly final requests? quickly regula'),
    (12, 'JAPAN', 2, 'ously. final, express gifts cajole a'),
    (13, 'JORDAN', 4, 'ic deposits are blithely about the carefully regular pa'),
    (14, 'KENYA', 0, ' pending excuses haggle furiously deposits'),
    (15, 'MOROCCO', 0, 'rns. blithely bold courts among the closely regular packages use furiously bold platelets?'),
    (16, 'MOZAMBIQUE', 0, 's. ironic, unusual asymptotes wake blithely r'),
    (17, 'PERU', 1, 'platelets. blithely pending dependencies use fluffily across the even pinto beans'),
    (18, 'CHINA', 2, 'c dependencies. furiously express notornis sleep slyly regular accounts'),
    (19, 'ROMANIA', 3, 'ular asymptotes are about the furious multipliers'),
    (20, 'SAUDI ARABIA', 4, 'ts. silent requests haggle. closely express packages sleep across the blithely'),
    (21, 'VIETNAM', 2, 'hely enticingly express accounts. even, final '),
    (22, 'RUSSIA', 3, ' requests against the platelets use never according to the quickly regular pint'),
    (23, 'UNITED KINGDOM', 3, 'eans boost carefully special requests. accounts are. carefull'),
    (24, 'UNITED STATES', 1, 'y final packages. slow foxes cajole quickly. quickly silent platelets breach ironic accounts');

INSERT INTO part (p_partkey, p_name, p_mfgr, p_brand, p_type, p_size, p_container, p_retailprice, p_comment)
SELECT i,
       (ARRAY['almond', 'antique', 'aquamarine', 'azure', 'beige', 'bisque', 'black', 'blanched', 'blue', 'blush',
              'brown', 'burlywood', 'chartreuse', 'chocolate', 'coral', 'cornflower', 'cyan', 'forest', 'green', 'ivory'])[1 + i % 20]
         || ' ' || (ARRAY['lace', 'lavender', 'lemon', 'light', 'linen', 'magenta', 'maroon', 'medium', 'metallic', 'midnight', 'mint'])[1 + (i * 7) % 11]
         || ' ' || (ARRAY['navy', 'olive', 'orange', 'orchid', 'pale', 'papaya', 'peach', 'peru', 'pink'])[1 + (i * 3) % 9],
       'Manufacturer#' || (1 + i % 5),
       'Brand#' || (1 + i % 5) || (1 + (i / 5) % 5),
       (ARRAY['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'])[1 + i % 6]
         || ' ' || (ARRAY['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'])[1 + (i / 6) % 5]
         || ' ' || (ARRAY['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'])[1 + (i / 30) % 5],
       1 + (i * 7) % 50,
       (ARRAY['SM', 'LG', 'MED', 'JUMBO', 'WRAP'])[1 + i % 5] || ' ' || (ARRAY['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'])[1 + (i / 5) % 8],
       (90000 + ((i / 10) % 20001) + 100 * (i % 1000)) / 100.0,
       'ly. slyly ironic ' || i
FROM generate_series(1, 200) i;

INSERT INTO supplier (s_suppkey, s_name, s_address, s_nationkey, s_phone, s_acctbal, s_comment)
SELECT i,
       'Supplier#' || lpad(i::text, 9, '0'),
       'addr ' || md5(i::text),
       i % 25,
       (10 + i % 25) || '-' || (100 + i * 7 % 900) || '-' || (100 + i * 13 % 900) || '-' || (1000 + i * 37 % 9000),
       round(-999.99 + ((i * 7919) % 1099999) / 100.0, 2),
       CASE WHEN i % 7 = 0 THEN 'Customer ' || i || ' Complaints about late deliveries' ELSE 'furiously regular accounts ' || i END
FROM generate_series(1, 20) i;

INSERT INTO partsupp (ps_partkey, ps_suppkey, ps_availqty, ps_supplycost, ps_comment)
SELECT p,
       ((p + k * 5) % 20) + 1,
       1 + (p * 31 + k * 17) % 9999,
       round(1 + ((p * 13 + k * 101) % 99900) / 100.0, 2),
       'blithely even deposits ' || p || '-' || k
FROM generate_series(1, 200) p, generate_series(0, 3) k;

INSERT INTO customer (c_custkey, c_name, c_address, c_nationkey, c_phone, c_acctbal, c_mktsegment, c_comment)
SELECT i,
       'Customer#' || lpad(i::text, 9, '0'),
       'street ' || i,
       i % 25,
       (10 + i % 25) || '-' || (100 + i * 7 % 900) || '-' || (100 + i * 13 % 900) || '-' || (1000 + i * 37 % 9000),
       round(-999.99 + ((i * 7919) % 1099999) / 100.0, 2),
       (ARRAY['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'])[1 + i % 5],
       'carefully final ideas ' || i
FROM generate_series(1, 150) i;

-- line l of order o: part ((o * 13 + l * 7) % 200) + 1, one of that part's four suppliers,
-- order o has 1 + (o * 5) % 7 lines and its order date is 1992-01-01 + (o * 17) % 2405.
INSERT INTO lineitem (l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice, l_discount, l_tax,
                      l_returnflag, l_linestatus, l_shipdate, l_commitdate, l_receiptdate, l_shipinstruct, l_shipmode, l_comment)
SELECT o, x.p,
       ((x.p + ((o + l) % 4) * 5) % 20) + 1,
       l,
       x.q,
       x.q * (90000 + ((x.p / 10) % 20001) + 100 * (x.p % 1000)) / 100.0,
       ((o + l) % 11) / 100.0,
       ((o * l) % 9) / 100.0,
       CASE WHEN x.receipt <= date '1995-06-17' THEN (ARRAY['R', 'A'])[1 + (o + l) % 2] ELSE 'N' END,
       CASE WHEN x.ship > date '1995-06-17' THEN 'O' ELSE 'F' END,
       x.ship,
       x.odate + 30 + (o + l * 5) % 61,
       x.receipt,
       (ARRAY['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'])[1 + (o + l) % 4],
       (ARRAY['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'])[1 + (o * 3 + l) % 7],
       'quickly final ' || o || '/' || l
FROM generate_series(1, 1500) o
CROSS JOIN generate_series(1, 7) l
CROSS JOIN LATERAL (
    SELECT ((o * 13 + l * 7) % 200) + 1 AS p,
           (1 + (o + l * 3) % 50)::numeric AS q,
           date '1992-01-01' + (o * 17) % 2405 AS odate,
           date '1992-01-01' + (o * 17) % 2405 + 1 + (o * 3 + l * 11) % 121 AS ship,
           date '1992-01-01' + (o * 17) % 2405 + 1 + (o * 3 + l * 11) % 121 + 1 + (o + l) % 30 AS receipt
) x
WHERE l <= 1 + (o * 5) % 7;

INSERT INTO orders (o_orderkey, o_custkey, o_orderstatus, o_totalprice, o_orderdate, o_orderpriority, o_clerk, o_shippriority, o_comment)
SELECT o,
       ((o * 7) % 100) + 1,
       (SELECT CASE WHEN bool_and(s > date '1995-06-17') THEN 'O' WHEN bool_and(s <= date '1995-06-17') THEN 'F' ELSE 'P' END
          FROM generate_series(1, 1 + (o * 5) % 7) l,
               LATERAL (SELECT date '1992-01-01' + (o * 17) % 2405 + 1 + (o * 3 + l * 11) % 121 AS s) y),
       (SELECT sum(round(y.q * (90000 + ((y.p / 10) % 20001) + 100 * (y.p % 1000)) / 100.0, 2) * (1 + ((o * l) % 9) / 100.0) * (1 - ((o + l) % 11) / 100.0))::numeric(15,2)
          FROM generate_series(1, 1 + (o * 5) % 7) l,
               LATERAL (SELECT ((o * 13 + l * 7) % 200) + 1 AS p, (1 + (o + l * 3) % 50)::numeric AS q) y),
       date '1992-01-01' + (o * 17) % 2405,
       (ARRAY['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'])[1 + o % 5],
       'Clerk#' || lpad((1 + (o * 3) % 1000)::text, 9, '0'),
       0,
       CASE WHEN o % 13 = 0 THEN 'pending special deposits; requests ' || o ELSE 'furiously bold packages ' || o END
FROM generate_series(1, 1500) o;
