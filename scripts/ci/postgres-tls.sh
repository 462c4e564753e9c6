#!/usr/bin/env bash
# TLS for the local PostgreSQL cluster, for the tests that connect with sslmode=verify-full
# (PluginInstallIT): a throw-away CA and a server certificate for localhost, made here with openssl
# into the cluster's configuration folder, never committed. Prints the CA certificate's path.
# Usage: scripts/ci/postgres-tls.sh <PostgreSQL major version>   (as root; the cluster "main" must exist)
set -euo pipefail
version=$1
dir=/etc/postgresql/$version/main/consentry-test-tls
mkdir -p "$dir"
if [ ! -s "$dir/server.crt" ] || ! openssl x509 -checkend 86400 -noout -in "$dir/server.crt" >/dev/null; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=Consentry test CA" \
        -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$dir/san.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 30 \
        -extfile "$dir/san.ext" -out "$dir/server.crt" 2>/dev/null
    rm -f "$dir/ca.key" "$dir/server.csr" "$dir/san.ext"
fi
chown -R postgres:postgres "$dir"
chmod 600 "$dir/server.key"
chmod 644 "$dir/ca.crt" "$dir/server.crt"
su postgres -c "psql -v ON_ERROR_STOP=1 -q" >/dev/null <<SQL
ALTER SYSTEM SET ssl = on;
ALTER SYSTEM SET ssl_cert_file = '$dir/server.crt';
ALTER SYSTEM SET ssl_key_file = '$dir/server.key';
SELECT pg_reload_conf();
SQL
echo "$dir/ca.crt"
