-- Failed-login counters shared by every instance: one row per key and fixed window. counter_key is the SHA-256
-- (hex) of what is counted, so no email is stored and every key has the same length. DATETIME, not TIMESTAMP:
-- MariaDB may give a table's first TIMESTAMP column ON UPDATE CURRENT_TIMESTAMP, which would move the window.
CREATE TABLE login_failures (
    counter_key CHAR(64) NOT NULL,
    window_end DATETIME NOT NULL,
    failures INT NOT NULL,
    PRIMARY KEY (counter_key, window_end)
) DEFAULT CHARSET=utf8mb4;
-- the hourly cleanup deletes the counters of ended windows
CREATE INDEX idx_login_failures_window_end ON login_failures (window_end);
