-- customer: profiles in four sections (each with its own version for optimistic locking), and the
-- administrator-defined custom attributes. A customer's id is their identity account's id.
CREATE TABLE customers (
    id                   UUID PRIMARY KEY,
    display_name         VARCHAR(120) NOT NULL,
    preferred_language   VARCHAR(35)  NOT NULL,
    locale_tag           VARCHAR(35)  NOT NULL,
    time_zone            VARCHAR(60)  NOT NULL,
    country              VARCHAR(2),
    birth_year           INT,
    demographics_version BIGINT       NOT NULL,
    preferred_medium     VARCHAR(10),
    capabilities_version BIGINT       NOT NULL,
    agenda_version       BIGINT       NOT NULL,
    contact_consent      BOOLEAN      NOT NULL,
    consent_given_at     TIMESTAMP WITH TIME ZONE,
    interests_version    BIGINT       NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE attribute_definitions (
    attr_key    VARCHAR(40) PRIMARY KEY,
    label       VARCHAR(80) NOT NULL,
    attr_type   VARCHAR(10) NOT NULL,
    is_required BOOLEAN     NOT NULL,
    max_length  INT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT attribute_definitions_type_ck CHECK (attr_type IN ('TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE'))
);

CREATE TABLE attribute_options (
    attr_key VARCHAR(40) NOT NULL REFERENCES attribute_definitions (attr_key) ON DELETE CASCADE,
    position INT         NOT NULL,
    label    VARCHAR(80) NOT NULL,
    PRIMARY KEY (attr_key, position)
);

CREATE TABLE customer_attribute_values (
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    attr_key    VARCHAR(40)  NOT NULL REFERENCES attribute_definitions (attr_key) ON DELETE CASCADE,
    attr_value  VARCHAR(500) NOT NULL,
    PRIMARY KEY (customer_id, attr_key)
);

CREATE TABLE customer_capabilities (
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    medium      VARCHAR(10)  NOT NULL,
    address     VARCHAR(254),
    enabled     BOOLEAN      NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_availability (
    customer_id UUID    NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INT     NOT NULL,
    day_of_week INT     NOT NULL,
    start_time  TIME    NOT NULL,
    end_time    TIME    NOT NULL,
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_agenda_exceptions (
    customer_id UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position    INT          NOT NULL,
    on_date     DATE         NOT NULL,
    start_time  TIME,
    end_time    TIME,
    entry_kind  VARCHAR(4)   NOT NULL,
    note        VARCHAR(200),
    PRIMARY KEY (customer_id, position)
);

CREATE TABLE customer_interests (
    customer_id    UUID        NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    position       INT         NOT NULL,
    category_key   VARCHAR(40),
    topic          VARCHAR(80),
    interest_level VARCHAR(6)  NOT NULL,
    PRIMARY KEY (customer_id, position)
);
