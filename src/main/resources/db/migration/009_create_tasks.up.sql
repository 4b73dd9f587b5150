CREATE TABLE tasks (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(30) NOT NULL,
    description VARCHAR(1000) NOT NULL,
    priority_id INT NOT NULL,
    due_date DATE NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    completed_at DATETIME(6) NULL,
    is_disabled BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT fk_tasks_priority_id FOREIGN KEY (priority_id) REFERENCES priorities (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX idx_tasks_open ON tasks (is_disabled, completed_at);
