package api;

/** The text of {@code --help}. */
final class Help {
    private Help() {}

    static final String TEXT = """
            Usage: java -jar api.jar [COMMAND] [--KEY=VALUE ...]

            Commands:
              serve                 run the HTTP server (default)
              db upgrade            apply every pending migration
              db downgrade N        revert the newest N migrations
              db current            show the database's migration version
              db history            list every migration, applied or pending
              todos import FILE     load todos from a JSON array or a DynamoDB batch-write-item file
                                    (all or nothing; an item's own "id" is ignored)
              training-run          start on a throwaway embedded database, send a few requests, stop: run under
                                    -XX:ArchiveClassesAtExit or -XX:AOTCacheOutput to make a faster-start archive
              --help                this text

            Configuration (flag > environment > ./.env > ./config/application.properties > built-in default).
            A flag is the key in lower case with dashes: --port=8001, --database-url=mysql://...
              APP_ENV                      development (default) | production | test
              HOST, PORT                   listen address (0.0.0.0, 8000)
              HTTP_THREADS                 Jetty's thread pool; requests beyond it wait in Jetty's queue
                                           (0 = DB_POOL_SIZE + 6)
              DATABASE_URL                 jdbc:mysql://host:3306/db or mysql://user:pass@host:3306/db
              JAWSDB_URL, JAWSDB_MARIA_URL, CLEARDB_DATABASE_URL   read when DATABASE_URL is absent
              DATABASE_HOSTNAME, DATABASE_PORT, DATABASE_USERNAME, DATABASE_PASSWORD, DATABASE_NAME
              MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE
                                           (no database configured: embedded H2 file under DATA_DIR)
              DATA_DIR                     embedded database folder (./data)
              DB_POOL_SIZE                 pool connections (10)
              DB_CONNECT_DEADLINE_SECONDS  how long start-up waits for the database (30)
              DB_CONNECTION_TIMEOUT_MS     how long a request waits for a connection (1000)
              MIGRATE_ON_START             apply pending migrations at start (true)
              SECRET_KEY, ALGORITHM        JWT signing key (required in production; unset: random at each start), HS256
              ACCESS_TOKEN_EXPIRE_MINUTES  token lifetime (30)
              AUTH_USER_CACHE_SECONDS      how long a token's user, once found, is trusted to exist (5; 0 = every request)
              BCRYPT_COST                  password hashing cost (12)
              BCRYPT_THREADS, BCRYPT_QUEUE_SIZE   hashing threads (0 = one per core), hashes that may wait (128)
              CORS_ORIGINS                 comma list of allowed origins (* in development)
              LOGIN_MAX_FAILURES, LOGIN_FAILURE_WINDOW_SECONDS   failed logins per address per window (10 per 300 s)
              SHUTDOWN_TIMEOUT_SECONDS     drain time on SIGTERM (20)
              SHUTDOWN_IDLE_GRACE_SECONDS  on drain, idle connections close after this long without requests (5)
              MAX_REQUEST_BODY_BYTES       request body limit (1048576)
              REQUEST_LOG_ENABLED, REQUEST_LOG_QUEUE_SIZE, REQUEST_LOG_BATCH_SIZE
              REQUEST_LOG_RETENTION_DAYS   request logs older than this are deleted hourly (30; 0 = keep all)
              TRUSTED_PROXIES              addresses or CIDR ranges whose X-Forwarded-For is believed (127.0.0.1,::1)
              OPS_TOKEN                    bearer token for /metrics and the request logs
            """;
}
