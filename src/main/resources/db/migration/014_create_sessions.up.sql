-- Sign-in sessions of the task pages. The cookie holds a random id; only its SHA-256 is stored, so a copy of this
-- table signs no one in.
CREATE TABLE sessions (
    id_hash CHAR(64) NOT NULL PRIMARY KEY,
    user_id INT NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_sessions_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- the hourly cleanup deletes the expired ones
CREATE INDEX idx_sessions_expires_at ON sessions (expires_at);
