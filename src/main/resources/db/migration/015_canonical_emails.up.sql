-- One email, one account: email holds the canonical form (NFKC, lower case, trimmed), compared byte for byte, so
-- accents are another address where utf8mb4_unicode_ci ignored them; display_email keeps the spelling as typed.
-- Java fills both around this script (api.db.migrations.CanonicalEmails): no database here has NFKC.
ALTER TABLE users ADD COLUMN display_email VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL;
ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL COLLATE utf8mb4_bin;
