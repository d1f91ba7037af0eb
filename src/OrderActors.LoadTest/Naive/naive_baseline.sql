-- The naive baseline: the tables a merchant's IT would create for orders and stock. The load test drops and
-- recreates this schema at the start of every run, on the same PostgreSQL server as the hub.
DROP SCHEMA IF EXISTS naive_baseline CASCADE;
CREATE SCHEMA naive_baseline;

CREATE TABLE naive_baseline.stock (
  warehouse_id text NOT NULL,
  sku text NOT NULL,
  on_hand integer NOT NULL,
  stocked integer NOT NULL,
  PRIMARY KEY (warehouse_id, sku)
);

-- status: pending_payment | reserved | out_of_stock | cancelled
CREATE TABLE naive_baseline.orders (
  order_id text PRIMARY KEY,
  channel text NOT NULL,
  external_order_id text NOT NULL,
  buyer_id text NOT NULL,
  status text NOT NULL,
  warehouse_id text,
  goods_fen bigint NOT NULL,
  discount_fen bigint NOT NULL,
  shipping_fen bigint NOT NULL,
  paid_fen bigint NOT NULL,
  province text NOT NULL,
  city text NOT NULL,
  district text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE naive_baseline.order_lines (
  order_id text NOT NULL REFERENCES naive_baseline.orders (order_id),
  line_no integer NOT NULL,
  sku text NOT NULL,
  quantity integer NOT NULL,
  unit_price_fen bigint NOT NULL,
  discount_fen bigint NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
