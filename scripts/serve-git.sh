#!/usr/bin/env bash
# serve-git.sh DIR: serve the bare repositories in DIR/repos over HTTPS with basic auth, as a
# git host would (nginx → fcgiwrap → git http-backend), on a free loopback port, for the demo.
# Writes DIR/ca.crt (the CA that signed the server's certificate), DIR/token (the password of
# user x-access-token) and DIR/url, and runs until killed (it kills nginx and fcgiwrap then).
# Needs nginx, fcgiwrap, openssl and git (scripts/install-deps.sh installs them).
set -euo pipefail
dir=$1
mkdir -p "$dir/repos" "$dir/tmp" "$dir/logs"
cd "$dir"
backend=/usr/lib/git-core/git-http-backend
nginx=$(command -v nginx || echo /usr/sbin/nginx)
fcgiwrap=$(command -v fcgiwrap || echo /usr/sbin/fcgiwrap)
for tool in "$nginx" "$fcgiwrap" "$backend"; do [[ -x "$tool" ]] || { echo "serve-git: $tool is missing (scripts/install-deps.sh)" >&2; exit 2; }; done

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj "/CN=Shipshape demo CA" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile server.ext 2>/dev/null
token=$(openssl rand -hex 16)
printf '%s' "$token" > token
printf 'x-access-token:%s\n' "$(openssl passwd -apr1 "$token")" > htpasswd
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$fcgiwrap" -s "unix:$dir/fcgiwrap.sock" >/dev/null 2>&1 &
fcgi_pid=$!
cat > nginx.conf <<CONF
$( [[ $(id -u) -eq 0 ]] && echo "user root;" )
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/tmp/body; fastcgi_temp_path $dir/tmp/fastcgi; proxy_temp_path $dir/tmp/proxy;
  uwsgi_temp_path $dir/tmp/uwsgi; scgi_temp_path $dir/tmp/scgi;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $dir/server.crt;
    ssl_certificate_key $dir/server.key;
    location / {
      auth_basic "shipshape demo git";
      auth_basic_user_file $dir/htpasswd;
      fastcgi_pass unix:$dir/fcgiwrap.sock;
      fastcgi_param SCRIPT_FILENAME $backend;
      fastcgi_param GIT_PROJECT_ROOT $dir/repos;
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param REMOTE_USER \$remote_user;
      fastcgi_param PATH_INFO \$uri;
      fastcgi_param QUERY_STRING \$args;
      fastcgi_param REQUEST_METHOD \$request_method;
      fastcgi_param CONTENT_TYPE \$content_type;
      fastcgi_param CONTENT_LENGTH \$content_length;
      fastcgi_param SERVER_PROTOCOL \$server_protocol;
      fastcgi_param REMOTE_ADDR \$remote_addr;
      fastcgi_param HTTPS on;
    }
  }
}
CONF
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" &
nginx_pid=$!
trap 'kill $nginx_pid $fcgi_pid 2>/dev/null; wait 2>/dev/null' EXIT TERM INT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
printf 'https://127.0.0.1:%s' "$port" > url
wait
