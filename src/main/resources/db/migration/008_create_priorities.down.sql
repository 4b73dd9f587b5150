DROP TABLE priorities;
