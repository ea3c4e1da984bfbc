-- One schema per service; each service's migrations create its tables inside its own schema.
CREATE SCHEMA IF NOT EXISTS applications;
CREATE SCHEMA IF NOT EXISTS personnel;
CREATE SCHEMA IF NOT EXISTS evaluations;
CREATE SCHEMA IF NOT EXISTS funding;
CREATE SCHEMA IF NOT EXISTS notifications;
