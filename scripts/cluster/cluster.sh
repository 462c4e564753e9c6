#!/usr/bin/env bash
# Two Liberty servers with the Consentry WAR on one PostgreSQL, behind nginx, all on loopback: the
# scale-out set-up of docs/scale-out.md, for the cluster tests (mvn -Pcluster verify) and for
# trying it by hand.
#
#   scripts/cluster/cluster.sh up [ENVFILE] build nothing; create both servers from what `mvn verify`
#                                            (or `mvn -DskipTests verify`) left in target/, start them and nginx;
#                                            ENVFILE: settings for both (scripts/cluster/test.env for the tests)
#   scripts/cluster/cluster.sh down         stop all
#   scripts/cluster/cluster.sh kill N       kill -9 server N (1 or 2)
#   scripts/cluster/cluster.sh start N      start server N again and wait until it is ready
#   scripts/cluster/cluster.sh status
#
# Ports: node1 http 19181, node2 http 19182, nginx 19180 and, terminating TLS, 19183 (a self-signed
# certificate for localhost that `up` makes anew in target/cluster/nginx/tls). PostgreSQL: a running
# cluster on localhost:5432 with the role consentry (password consentry-dev) and the database $DB_NAME
# (default consentry_cluster), which `up` creates when it is missing. Settings for both servers:
# ENVFILE, lines of NAME=value (MicroProfile Config names in upper case with underscores), e.g. a short
# sweep interval.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
WLP=$ROOT/target/liberty/wlp
TEMPLATE=$WLP/usr/servers/${IT_SERVER:-consentryIT}
CLUSTER=$ROOT/target/cluster
DB_NAME=${DB_NAME:-consentry_cluster}
LB_PORT=${LB_PORT:-19180}
LB_TLS_PORT=${LB_TLS_PORT:-19183}
KEYSTORE=$CLUSTER/kek.p12
PORTS=(0 19181 19182)

die() { echo "cluster: $*" >&2; exit 1; }
port() { echo "${PORTS[$1]}"; }

ready() { # n: waits until server n answers /health/ready
  local n=$1 deadline=$((SECONDS + ${READY_TIMEOUT:-120}))
  until curl -sf -o /dev/null "http://localhost:$(port "$n")/health/ready"; do
    [ $SECONDS -lt $deadline ] || die "node$n not ready after ${READY_TIMEOUT:-120} s (see $WLP/usr/servers/node$n/logs)"
    sleep 1
  done
}

keystore() { # the shared key-encryption keystore, made the way the operator guide says (keytool)
  [ -f "$KEYSTORE" ] && return
  mkdir -p "$CLUSTER"
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$CLUSTER/kek.password"
  local pw; pw=$(cat "$CLUSTER/kek.password")
  keytool -genseckey -keystore "$KEYSTORE" -storetype PKCS12 -storepass "$pw" -alias consentry-kek-1 \
    -keyalg AES -keysize 256 >/dev/null 2>&1
  keytool -genseckey -keystore "$KEYSTORE" -storetype PKCS12 -storepass "$pw" -alias consentry-audit-1 \
    -keyalg HmacSHA256 -keysize 256 >/dev/null 2>&1
  chmod 600 "$KEYSTORE" "$CLUSTER/kek.password"
}

database() {
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"" | grep -q 1 ||
    su postgres -c "psql -q -c 'CREATE DATABASE $DB_NAME OWNER consentry'"
}

create() { # n
  local n=$1 dir=$WLP/usr/servers/node$1
  [ -f "$TEMPLATE/server.xml" ] || die "no $TEMPLATE: run mvn verify (or mvn -DskipTests verify) first"
  [ -f "$ROOT/target/consentry.war" ] || die "no target/consentry.war: run mvn package first"
  rm -rf "$dir"
  mkdir -p "$dir/dropins"
  cp "$TEMPLATE"/server.xml "$TEMPLATE"/db-*.xml "$TEMPLATE"/server.env "$dir/"
  cp "$ROOT/src/main/liberty/config/jvm.options" "$dir/" # the production heap, not the test server's
  cp -r "$TEMPLATE/jdbc" "$dir/"
  cp "$ROOT/target/consentry.war" "$dir/dropins/"
  cat > "$dir/bootstrap.properties" <<PROPS
consentry.db=postgres
http.port=$(port "$n")
https.port=$(( $(port "$n") + 1000 ))
db.name=$DB_NAME
consentry.kek.keystore=$KEYSTORE
consentry.kek.dev-generate=false
PROPS
  {
    echo # Liberty writes the file without a final newline
    echo "CONSENTRY_KEK_KEYSTORE=$KEYSTORE"
    echo "CONSENTRY_KEK_PASSWORD=$(cat "$CLUSTER/kek.password")"
    echo "CONSENTRY_KEK_DEV_GENERATE=false"
    echo "MALLOC_ARENA_MAX=2" # fewer glibc malloc arenas: about 18 MB less resident (docs/load.md)
    cat "$CLUSTER/env" 2>/dev/null || true
  } >> "$dir/server.env"
}

start() { # n
  "$WLP/bin/server" start "node$1" >/dev/null
  ready "$1"
  echo "node$1 ready on http://localhost:$(port "$1")"
}

tls_certificate() { # nginx's: self-signed, for localhost, made anew at every `up`, never outside target/
  local dir=$CLUSTER/nginx/tls
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 700 "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null ||
    die "openssl could not make nginx's certificate"
  chmod 600 "$dir/key.pem"
}

nginx_up() {
  command -v nginx >/dev/null || die "nginx is missing: apt-get install nginx-light"
  command -v openssl >/dev/null || die "openssl is missing: apt-get install openssl"
  mkdir -p "$CLUSTER/nginx/logs" "$CLUSTER/nginx/tmp"
  tls_certificate
  cat > "$CLUSTER/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $CLUSTER/nginx/nginx.pid;
error_log $CLUSTER/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $CLUSTER/nginx/tmp/body;
  proxy_temp_path $CLUSTER/nginx/tmp/proxy;
  fastcgi_temp_path $CLUSTER/nginx/tmp/fastcgi;
  uwsgi_temp_path $CLUSTER/nginx/tmp/uwsgi;
  scgi_temp_path $CLUSTER/nginx/tmp/scgi;
  client_max_body_size 1m;
  upstream consentry {
    server 127.0.0.1:$(port 1) max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$(port 2) max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  # for both listeners: the servers get plain HTTP and the scheme the browser used in X-Forwarded-Proto
  # (Consentry does not believe it: its same-origin check compares with consentry.http.public-origin)
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-For \$remote_addr;
  proxy_set_header X-Forwarded-Proto \$scheme;
  # server-sent events pass through unbuffered and stay open
  proxy_buffering off;
  proxy_read_timeout 1h;
  proxy_next_upstream error timeout;
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://consentry;
    }
  }
  server {
    listen 127.0.0.1:$LB_TLS_PORT ssl;
    ssl_certificate $CLUSTER/nginx/tls/cert.pem;
    ssl_certificate_key $CLUSTER/nginx/tls/key.pem;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://consentry;
    }
  }
}
CONF
  nginx -c "$CLUSTER/nginx/nginx.conf" -p "$CLUSTER/nginx"
  echo "nginx on http://localhost:$LB_PORT and https://localhost:$LB_TLS_PORT"
}

case "${1:-}" in
  up)
    keystore
    database
    if [ -n "${2:-}" ]; then grep -v '^#' "$2" | grep -v '^$' > "$CLUSTER/env"; else : > "$CLUSTER/env"; fi
    create 1
    create 2
    start 1
    start 2
    nginx_up
    ;;
  down)
    [ -f "$CLUSTER/nginx/nginx.pid" ] && nginx -c "$CLUSTER/nginx/nginx.conf" -p "$CLUSTER/nginx" -s stop 2>/dev/null || true
    for n in 1 2; do "$WLP/bin/server" stop "node$n" >/dev/null 2>&1 || true; done
    ;;
  kill)
    [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ] || die "kill 1|2"
    pidfile=$WLP/usr/servers/.pid/node$2.pid
    [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null || die "node$2 is not running"
    pid=$(cat "$pidfile")
    kill -9 $pid
    echo "node$2 killed ($pid)"
    ;;
  start)
    [ "${2:-}" = 1 ] || [ "${2:-}" = 2 ] || die "start 1|2"
    start "$2"
    ;;
  status)
    for n in 1 2; do
      curl -sf -o /dev/null "http://localhost:$(port "$n")/health/ready" && echo "node$n ready" || echo "node$n down"
    done
    curl -sf -o /dev/null "http://localhost:$LB_PORT/health/ready" && echo "nginx up" || echo "nginx down"
    curl -sf -o /dev/null --cacert "$CLUSTER/nginx/tls/cert.pem" "https://localhost:$LB_TLS_PORT/health/ready" &&
      echo "nginx TLS up" || echo "nginx TLS down"
    ;;
  *)
    sed -n '2,19p' "$0"; exit 2 ;;
esac
