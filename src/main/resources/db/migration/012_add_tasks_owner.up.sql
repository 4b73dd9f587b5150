-- Tasks from before have no owner: no user sees them until `todos assign --owner EMAIL` gives them one.
ALTER TABLE tasks ADD COLUMN owner_id INT NULL;
-- Every task query filters on the owner first, then on what the lists filter by; the old index leads with neither.
CREATE INDEX idx_tasks_owner ON tasks (owner_id, is_disabled, completed_at);
ALTER TABLE tasks DROP INDEX idx_tasks_open;
ALTER TABLE tasks ADD CONSTRAINT fk_tasks_owner_id FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE;
