CREATE TABLE votes (
    user_id INT NOT NULL,
    post_id INT NOT NULL,
    PRIMARY KEY (user_id, post_id),
    CONSTRAINT fk_votes_user_id FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_votes_post_id FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4;
-- vote counts join on post_id, which the (user_id, post_id) key cannot serve
CREATE INDEX idx_votes_post_id ON votes (post_id);
