-- H2's JSON type stores bound strings as JSON string values; the record is kept as text instead
CREATE TABLE log_table (
    log_id VARCHAR(255) NOT NULL PRIMARY KEY,
    log CLOB NOT NULL,
    datetime TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
);
CREATE INDEX idx_log_table_datetime ON log_table (datetime);
