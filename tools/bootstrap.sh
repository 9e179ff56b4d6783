#!/usr/bin/env bash
# Prepares everything ESS Office needs to run and test on this machine, installing only
# what is missing: system packages, the Odoo 18.0 source, a cached virtualenv and a
# PostgreSQL server of the project's own. Sourced by tools/ess (do not run it alone).
#
# Settings (environment variables, all optional):
#   ODOO_SOURCE        an Odoo 18.0 community source tree (setup.py, requirements.txt, odoo/)
#   ESS_CACHE          cache folder (default ~/.cache/ess-office): Odoo source, venvs, data
#   ESS_PGDATA         PostgreSQL data directory (default $ESS_CACHE/pgdata; as root
#                      /var/cache/ess-office/pgdata, owned by the "postgres" system user)
#   ESS_PGPORT         port of the project's PostgreSQL on 127.0.0.1 (default 54329)
#   ODOO_DOWNLOAD_URL  where the 18.0 source comes from when neither of the above has it
set -euo pipefail
# runuser and PostgreSQL's tools live in sbin, which a bare environment (CI) may leave out.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

ESS_CACHE=${ESS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ess-office}
ESS_PGPORT=${ESS_PGPORT:-54329}
ESS_PGUSER=ess_office
ESS_PGPASSWORD=ess_office
ODOO_DOWNLOAD_URL=${ODOO_DOWNLOAD_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
if [ "$(id -u)" = 0 ]; then
    ESS_PGDATA=${ESS_PGDATA:-/var/cache/ess-office/pgdata}
else
    ESS_PGDATA=${ESS_PGDATA:-$ESS_CACHE/pgdata}
fi
# Bump when the way the venv is built changes, so that every machine rebuilds it.
ESS_VENV_RECIPE=3

log() { printf '\033[1;34m[ess]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[ess] error:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# --- system packages ---------------------------------------------------------------
ensure_system_packages() {
    local wanted=(postgresql postgresql-client libpq-dev libldap2-dev libsasl2-dev
                  chromium wkhtmltopdf fonts-dejavu-core git curl make)
    local missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing system packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# --- Odoo source ---------------------------------------------------------------------
is_odoo_18_source() {
    [ -f "$1/odoo/release.py" ] && [ -f "$1/requirements.txt" ] && [ -d "$1/odoo/addons/base" ] \
        && grep -q "^version_info = (18, 0," "$1/odoo/release.py"
}

ensure_odoo_source() {
    if [ -n "${ODOO_SOURCE:-}" ]; then
        is_odoo_18_source "$ODOO_SOURCE" \
            || die "ODOO_SOURCE=$ODOO_SOURCE is not an Odoo 18.0 source tree (setup.py, requirements.txt, odoo/)"
        ODOO_SRC=$(cd "$ODOO_SOURCE" && pwd)
        return 0
    fi
    ODOO_SRC=$ESS_CACHE/odoo-18.0
    is_odoo_18_source "$ODOO_SRC" && return 0
    log "no Odoo 18.0 source in \$ODOO_SOURCE nor in $ODOO_SRC: downloading $ODOO_DOWNLOAD_URL"
    mkdir -p "$ESS_CACHE"
    local tmp
    tmp=$(mktemp -d "$ESS_CACHE/download.XXXXXX")
    if ! curl -fL --retry 2 --connect-timeout 20 -o "$tmp/odoo.tar.gz" "$ODOO_DOWNLOAD_URL"; then
        rm -rf "$tmp"
        die "cannot obtain the Odoo 18.0 source. Provide it in one of these ways:
  - ODOO_SOURCE=/path/to/odoo-18.0 make ...   (a checkout or an unpacked 18.0 source archive)
  - unpack it into $ODOO_SRC   (so that $ODOO_SRC/odoo/release.py exists)
  - or give the machine access to $ODOO_DOWNLOAD_URL"
    fi
    mkdir -p "$tmp/src"
    tar -xzf "$tmp/odoo.tar.gz" -C "$tmp/src" --strip-components=1
    is_odoo_18_source "$tmp/src" || die "the downloaded archive is not an Odoo 18.0 source tree"
    rm -rf "$ODOO_SRC"
    mv "$tmp/src" "$ODOO_SRC"
    rm -rf "$tmp"
}

# --- virtualenv ------------------------------------------------------------------------
ensure_venv() {
    local key
    key=$( { echo "recipe $ESS_VENV_RECIPE"; python3 --version;
             cat "$ODOO_SRC/requirements.txt" "$REPO/requirements.txt" "$REPO/test-requirements.txt"; } \
           | sha256sum | cut -c1-16)
    VENV=$ESS_CACHE/venv/$key
    if [ -f "$VENV/.ess-ready" ]; then
        # The same requirements may meet another Odoo source (ODOO_SOURCE): repoint it.
        if [ "$(cat "$VENV/.ess-odoo-src" 2>/dev/null)" != "$ODOO_SRC" ]; then
            install_odoo_into_venv
        fi
        return 0
    fi
    log "building the virtualenv $VENV (first time only, a few minutes; log: $VENV.log)"
    rm -rf "$VENV" "$VENV.log"
    python3 -m venv "$VENV"
    local pip=(quiet_pip "$VENV/bin/pip" install -q --disable-pip-version-check)
    # pkg_resources (setuptools < 81) is still imported by Odoo's gevent worker.
    "${pip[@]}" "pip>=25.3" "setuptools>=68,<81" wheel
    # Odoo pins cbor2 5.4.2, whose build needs a setuptools older than 75.
    local constraints=$VENV/build-constraints.txt
    echo "setuptools<75" > "$constraints"
    "${pip[@]}" --build-constraint "$constraints" -r "$ODOO_SRC/requirements.txt"
    install_odoo_into_venv
    "${pip[@]}" -r "$REPO/requirements.txt" -r "$REPO/test-requirements.txt"
    touch "$VENV/.ess-ready"
}

# Runs pip with its (long) output in $VENV.log, shown only when it fails.
quiet_pip() {
    "$@" >>"$VENV.log" 2>&1 || { tail -n 40 "$VENV.log" >&2; die "pip failed: see $VENV.log"; }
}

install_odoo_into_venv() {
    log "installing Odoo from $ODOO_SRC into the virtualenv"
    quiet_pip "$VENV/bin/pip" install -q --disable-pip-version-check --no-deps --no-build-isolation \
        --config-settings editable_mode=compat -e "$ODOO_SRC"
    echo "$ODOO_SRC" > "$VENV/.ess-odoo-src"
}

# --- PostgreSQL --------------------------------------------------------------------------
pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -x "$dir/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    echo "$dir"
}

as_pg_owner() {
    # PostgreSQL refuses to run as root: root runs it as the "postgres" system user.
    # From /, which that user can enter whatever the caller's directory is.
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_postgres() {
    local bin
    bin=$(pg_bindir)
    export PGHOST=127.0.0.1 PGPORT=$ESS_PGPORT PGUSER=$ESS_PGUSER PGPASSWORD=$ESS_PGPASSWORD
    export PGDATABASE=postgres
    if [ ! -f "$ESS_PGDATA/PG_VERSION" ]; then
        log "creating the project's PostgreSQL cluster in $ESS_PGDATA"
        mkdir -p "$ESS_PGDATA"
        [ "$(id -u)" = 0 ] && chown postgres: "$ESS_PGDATA"
        chmod 700 "$ESS_PGDATA"
        local pwfile
        pwfile=$(mktemp)
        echo "$ESS_PGPASSWORD" > "$pwfile"
        chmod 644 "$pwfile"
        as_pg_owner "$bin/initdb" -D "$ESS_PGDATA" -U "$ESS_PGUSER" --pwfile="$pwfile" \
            --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pwfile"
    fi
    if ! as_pg_owner "$bin/pg_ctl" -D "$ESS_PGDATA" status >/dev/null 2>&1; then
        log "starting PostgreSQL on 127.0.0.1:$ESS_PGPORT"
        as_pg_owner "$bin/pg_ctl" -D "$ESS_PGDATA" -l "$ESS_PGDATA/server.log" -w -t 60 \
            -o "-p $ESS_PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200" \
            start >/dev/null || die "PostgreSQL did not start: see $ESS_PGDATA/server.log"
    fi
}

stop_postgres() {
    local bin
    bin=$(pg_bindir)
    if [ -f "$ESS_PGDATA/PG_VERSION" ] && as_pg_owner "$bin/pg_ctl" -D "$ESS_PGDATA" status >/dev/null 2>&1; then
        as_pg_owner "$bin/pg_ctl" -D "$ESS_PGDATA" -m fast -w stop >/dev/null
        log "PostgreSQL stopped"
    else
        log "PostgreSQL was not running"
    fi
}

ensure_all() {
    ensure_system_packages
    ensure_odoo_source
    ensure_venv
    ensure_postgres
    export ESS_ODOO_SRC=$ODOO_SRC ESS_VENV=$VENV
}
