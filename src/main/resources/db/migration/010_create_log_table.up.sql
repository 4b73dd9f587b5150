CREATE TABLE log_table (
    log_id VARCHAR(255) NOT NULL PRIMARY KEY,
    log JSON NOT NULL,
    datetime TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX idx_log_table_datetime ON log_table (datetime);
