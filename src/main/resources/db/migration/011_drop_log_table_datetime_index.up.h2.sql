-- log_id is time-ordered (LogIds): the primary key serves the newest-first reads and the retention
DROP INDEX idx_log_table_datetime;
