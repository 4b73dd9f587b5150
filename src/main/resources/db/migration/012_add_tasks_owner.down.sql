ALTER TABLE tasks DROP FOREIGN KEY fk_tasks_owner_id;
CREATE INDEX idx_tasks_open ON tasks (is_disabled, completed_at);
ALTER TABLE tasks DROP INDEX idx_tasks_owner;
ALTER TABLE tasks DROP COLUMN owner_id;
