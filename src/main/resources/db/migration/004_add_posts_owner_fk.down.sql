ALTER TABLE posts DROP FOREIGN KEY fk_posts_owner_id;
ALTER TABLE posts DROP COLUMN owner_id;
