CREATE INDEX idx_log_table_datetime ON log_table (datetime);
