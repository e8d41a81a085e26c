-- catalog: product categories and products, with specifications and documentation links.
CREATE TABLE categories (
    category_key VARCHAR(40)  PRIMARY KEY,
    name         VARCHAR(80)  NOT NULL,
    description  VARCHAR(500),
    sort_order   INT          NOT NULL
);

CREATE TABLE products (
    id           UUID PRIMARY KEY,
    sku          VARCHAR(40)   NOT NULL,
    name         VARCHAR(120)  NOT NULL,
    category_key VARCHAR(40)   NOT NULL REFERENCES categories (category_key),
    description  VARCHAR(4000) NOT NULL,
    price_cents  BIGINT        NOT NULL,
    currency     VARCHAR(3)    NOT NULL,
    active       BOOLEAN       NOT NULL,
    CONSTRAINT products_sku_uk UNIQUE (sku)
);
CREATE INDEX products_category_idx ON products (category_key);

CREATE TABLE product_specifications (
    product_id UUID         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position   INT          NOT NULL,
    name       VARCHAR(80)  NOT NULL,
    spec_value VARCHAR(400) NOT NULL,
    PRIMARY KEY (product_id, position)
);

CREATE TABLE product_documents (
    product_id UUID          NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position   INT           NOT NULL,
    title      VARCHAR(120)  NOT NULL,
    url        VARCHAR(1000) NOT NULL,
    PRIMARY KEY (product_id, position)
);
