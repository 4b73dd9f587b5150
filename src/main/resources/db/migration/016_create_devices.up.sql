-- Clients that have logged in to an account (OWASP's device cookies): their logins are spared the address and account
-- limits. The cookie holds a random id; only its SHA-256 is stored, so a copy of this table names no client.
CREATE TABLE devices (
    id_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id INT NOT NULL,
    created_at DATETIME(6) NOT NULL,
    last_used_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_devices_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- the hourly cleanup forgets the devices no longer used
CREATE INDEX idx_devices_last_used_at ON devices (last_used_at);
-- the account a counter is for (hashed as counter_key is), so an operator can clear them all; NULL for an address's own
ALTER TABLE login_failures ADD COLUMN account_key CHAR(64) NULL;
CREATE INDEX idx_login_failures_account_key ON login_failures (account_key);
