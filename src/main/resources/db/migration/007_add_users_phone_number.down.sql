ALTER TABLE users DROP COLUMN phone_number;
