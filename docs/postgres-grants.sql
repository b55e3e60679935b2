-- Privacy Console on a shared PostgreSQL server: roles and grants that keep the audit trail
-- append-only. `privacy-console audit protect --app-role ROLE [--create-role]` runs exactly these
-- statements (tests/console/test_audit_postgres.py checks that this file matches), connected as the
-- schema owner; this file is for a DBA who prefers to read and run them by hand (psql -f).
--
-- Names used below (replace them with yours):
--   privacy_console        the database
--   privacy_console_owner  owns the tables: runs `privacy-console db upgrade` and this script, nothing else
--   privacy_console_app    the role every desktop and CLI connects as (`privacy-console db login URL`)
--
-- Why two roles: a table's owner can always grant itself back what was revoked, so the role the
-- application uses must not own the tables. The application role may read every table and write
-- every table except that on audit_log it may only SELECT and INSERT. The trigger refuses UPDATE,
-- DELETE and TRUNCATE on audit_log for every role, the owner included (belt and braces: an owner
-- can drop the trigger, but not by accident, and `privacy-console audit verify` still checks the
-- hash chain whatever happened).
--
-- After the first `db upgrade`, as privacy_console_owner (or a superuser):

-- The application role (give it a password: \password privacy_console_app).
CREATE ROLE "privacy_console_app" LOGIN;


-- What the application may do: everything a service does, on every table and sequence,
-- including the tables later migrations add (default privileges).
GRANT CONNECT ON DATABASE "privacy_console" TO "privacy_console_app";
GRANT USAGE ON SCHEMA "public" TO "privacy_console_app";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO "privacy_console_app";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "public" TO "privacy_console_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "privacy_console_owner" IN SCHEMA "public" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "privacy_console_app";
ALTER DEFAULT PRIVILEGES FOR ROLE "privacy_console_owner" IN SCHEMA "public" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "privacy_console_app";

-- ...except changing the audit trail, and changing the schema version.
REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON "public".audit_log FROM "privacy_console_app";
REVOKE ALL ON "public".audit_log FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "public".alembic_version FROM "privacy_console_app";

-- The append-only trigger: refuses UPDATE, DELETE and TRUNCATE of audit rows to everybody.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER IF EXISTS audit_log_append_only ON "public".audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "public".audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
DROP TRIGGER IF EXISTS audit_log_no_truncate ON "public".audit_log;
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "public".audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Check (as any role): both triggers are listed, and no role but the owner may UPDATE/DELETE.
--   SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal;
--   SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE table_name = 'audit_log';
-- or: privacy-console audit protect --check --db postgresql+psycopg://privacy_console_owner@HOST/privacy_console
