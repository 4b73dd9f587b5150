DROP TABLE signup_counts;
UPDATE users SET email = display_email WHERE display_email IS NOT NULL;
ALTER TABLE users MODIFY email VARCHAR(255) NOT NULL COLLATE utf8mb4_unicode_ci;
ALTER TABLE users DROP COLUMN display_email;
