-- One email, one account: email holds the canonical form (NFKC, lower case, trimmed), compared byte for byte, so
-- accents are another address where utf8mb4_unicode_ci ignored them; display_email keeps the spelling as typed.
-- Java fills both around this script (api.db.migrations.CanonicalEmails): no database here has NFKC.
ALTER TABLE users ADD COLUMN display_email VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL;
ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL COLLATE utf8mb4_bin;
-- Sign-ups per client network in an hour, shared by every instance: one row per key and hour, the key the SHA-256
-- (hex) of the network, so no address is stored. DATETIME for the reason given in 013.
CREATE TABLE signup_counts (
    counter_key CHAR(64) NOT NULL,
    window_end DATETIME NOT NULL,
    signups INT NOT NULL,
    PRIMARY KEY (counter_key, window_end)
) DEFAULT CHARSET=utf8mb4;
-- the hourly cleanup deletes the counters of ended hours
CREATE INDEX idx_signup_counts_window_end ON signup_counts (window_end);
