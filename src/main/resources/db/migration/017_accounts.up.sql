-- Tokens issued before tokens_valid_after no longer count: a password change, a reset, a disable and a deletion set
-- it. A disabled account (disabled_at set) can neither log in nor use a token. last_login_at is for `users list`.
ALTER TABLE users ADD COLUMN tokens_valid_after DATETIME(6) NULL;
ALTER TABLE users ADD COLUMN disabled_at DATETIME(6) NULL;
ALTER TABLE users ADD COLUMN last_login_at DATETIME(6) NULL;
-- One live reset link per user (a new request replaces it); only the SHA-256 of its token is stored.
CREATE TABLE password_resets (
    user_id INT NOT NULL PRIMARY KEY,
    token_hash CHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_password_resets_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_resets_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
