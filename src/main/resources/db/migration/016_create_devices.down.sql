-- dropping the column drops its one-column index on MySQL, MariaDB and H2 alike
ALTER TABLE login_failures DROP COLUMN account_key;
DROP TABLE devices;
