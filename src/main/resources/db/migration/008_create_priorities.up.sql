CREATE TABLE priorities (
    id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    priority VARCHAR(255) NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
-- level 1 is the highest; the name holds the Japanese and the English label
INSERT INTO priorities (id, priority) VALUES
    (1, '最高 / Highest'),
    (2, '高 / High'),
    (3, '中 / Medium'),
    (4, '低 / Low'),
    (5, '最低 / Lowest');
