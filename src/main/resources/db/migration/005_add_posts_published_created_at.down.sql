ALTER TABLE posts DROP COLUMN created_at;
ALTER TABLE posts DROP COLUMN published;
