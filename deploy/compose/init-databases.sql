-- Each service owns its database on the shared PostgreSQL; run once when the postgres volume is created.
CREATE DATABASE alerting;
CREATE DATABASE scaling;
CREATE DATABASE gate;
