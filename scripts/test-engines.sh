#!/usr/bin/env bash
# Throwaway Docker daemons for the integration tests: one on a unix socket, one on loopback TCP with
# mutual TLS, each with its own containerd, data, exec root and cgroup parent. Never touches any other
# daemon: no /var/run/docker.sock, no system containerd, and `down` only stops processes whose pidfile
# is in the work dir and whose command line names it. (containerd itself puts shim sockets in
# /run/containerd/s; `down` removes only the ones of our containers.)
#
#   test-engines.sh up [--only unix|tls]   start both, or one (restarts them if already up), print path of engines.env
#   test-engines.sh down           stop what `up` started and remove the work dir
#   test-engines.sh env            print path of engines.env if every engine `up` started is up, else exit 1
#   test-engines.sh scale N [unix|tls]   ensure running containers bench-1..bench-N
#   test-engines.sh fixture leaky [unix|tls]   (re)create the planted-secrets container and images
# For failure tests, on one engine (default unix), keeping its data and containerd:
#   test-engines.sh stop [unix|tls] [--kill]   stop dockerd (SIGTERM; or SIGKILL, a crash)
#   test-engines.sh start [unix|tls]        start it again with the same flags and data
#   test-engines.sh pause|resume [unix|tls] SIGSTOP / SIGCONT dockerd (a hung daemon)
#   test-engines.sh pid [unix|tls]          print dockerd's pid
# Several work dirs can run side by side (DMS_ENGINES_DIR=/tmp/other test-engines.sh up --only unix):
# the TLS port is the first free one from 23760, cgroup parents are tagged per dir. DMS_DOCKERD_FLAGS adds
# dockerd flags at `up` (--live-restore makes stop/start fast: containers keep running meanwhile).
set -euo pipefail

DIR=${DMS_ENGINES_DIR:-/tmp/dms-engines}
MARKER=.dms-engines
ENGINES=(unix tls)
START_TIMEOUT=60
STOP_TIMEOUT=20

log() { printf 'test-engines: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

case $DIR in /?*) ;; *) die "DMS_ENGINES_DIR must be an absolute path: $DIR" ;; esac
DIR=${DIR%/}
# shellcheck source=fixture/leaky.sh
source "$(dirname "${BASH_SOURCE[0]}")/fixture/leaky.sh"
# a short per-directory tag keeps cgroup parents of several work dirs apart
TAG=dms-$(printf '%s' "$DIR" | md5sum | cut -c1-8)

# --- installation -------------------------------------------------------------------------------

have_static_busybox() {
    [[ -x /bin/busybox ]] && dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed'
}

ensure_packages() {
    if command -v dockerd >/dev/null && command -v containerd >/dev/null && command -v openssl >/dev/null \
        && [[ -x /usr/sbin/sshd ]] && command -v ssh >/dev/null && have_static_busybox; then
        return
    fi
    log "installing docker.io busybox-static openssl openssh-server openssh-client"
    # keep apt from starting a system dockerd: we only want the binaries
    local policy=/usr/sbin/policy-rc.d added=
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1
    fi
    local rc=0 out; out=$(mktemp)
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            -o Dpkg::Use-Pty=0 docker.io busybox-static openssl openssh-server openssh-client; } >"$out" 2>&1 || rc=$?
    [[ -n $added ]] && rm -f "$policy"
    if ((rc != 0)); then tail -20 "$out" >&2; rm -f "$out"; die "apt-get install failed"; fi
    rm -f "$out"
}

docker_cli() {
    if [[ -x /usr/local/bin/docker ]]; then echo /usr/local/bin/docker; else command -v docker; fi
}

# --- processes ------------------------------------------------------------------------------------

# pid from a pidfile, only if that process is alive, is the expected program and was started for $DIR
pid_of() {
    local file=$1 comm=$2 pid
    [[ -s $file ]] || return 1
    pid=$(<"$file")
    [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]] || return 1
    tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- " $DIR/" || return 1
    echo "$pid"
}

stop_pid() { # pid seconds
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < $2 * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid ignored SIGTERM for $2 s, killing"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
}

# docker CLI bound to one of our daemons; ignores the caller's DOCKER_* settings and ~/.docker.
# DK_TIMEOUT=SECS dk ... bounds the call.
dk() {
    local name=$1; shift
    local -a host
    if [[ $name == unix ]]; then
        host=(-H "unix://$DIR/unix/docker.sock")
    else
        local port; port=$(<"$DIR/tls/port")
        host=(-H "tcp://127.0.0.1:$port" --tlsverify --tlscacert "$DIR/tls/client-pkcs1/ca.pem"
              --tlscert "$DIR/tls/client-pkcs1/cert.pem" --tlskey "$DIR/tls/client-pkcs1/key.pem")
    fi
    env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
        DOCKER_CONFIG="$DIR/cli-config" ${DK_TIMEOUT:+timeout "$DK_TIMEOUT"} "$DOCKER" "${host[@]}" "$@"
}

engine_up() { pid_of "$DIR/$1/dockerd.pid" dockerd >/dev/null; }

# --- down -----------------------------------------------------------------------------------------

our_mounts() { # mount points at or below $DIR, deepest first
    awk -v d="$DIR" '$5 == d || index($5, d "/") == 1 { print length($5), $5 }' /proc/self/mountinfo \
        | sort -rn | cut -d' ' -f2-
}

stop_engine() {
    local name=$1 d=$DIR/$1 pid p
    if pid=$(pid_of "$d/dockerd.pid" dockerd) || pid=$(pid_of "$d/dockerd.launched" dockerd); then
        kill -CONT "$pid" 2>/dev/null || true # a paused daemon would neither answer nor stop
        # containers first: `sleep` as PID 1 ignores SIGTERM and would hold the daemon for 10 s each
        if [[ -n ${DOCKER:-} ]]; then
            local ids; ids=$(DK_TIMEOUT=20 dk "$name" ps -aq 2>/dev/null || true)
            [[ -z $ids ]] || DK_TIMEOUT=60 dk "$name" rm -f $ids >/dev/null 2>&1 || true
        fi
        stop_pid "$pid" "$STOP_TIMEOUT"
    fi
    # leftovers of a crashed daemon: processes in our cgroup parent, then shims of our containerd
    local cg
    for cg in /sys/fs/cgroup/"$TAG-$name" /sys/fs/cgroup/*/"$TAG-$name"; do
        [[ -d $cg ]] || continue
        find "$cg" -name cgroup.procs -exec cat {} + 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
    done
    if pid=$(pid_of "$d/containerd/containerd.pid" containerd); then stop_pid "$pid" 10; fi
    for p in /proc/[0-9]*; do
        if tr '\0' ' ' 2>/dev/null <"$p/cmdline" | grep -qF -- "-address $d/containerd/containerd.sock "; then
            kill -KILL "${p#/proc/}" 2>/dev/null || true
        fi
    done
    # a killed shim leaves its socket, named sha256(<containerd address>/<namespace>/<id>)
    local task s
    for task in "$d"/containerd/state/io.containerd.runtime.v2.task/moby/*; do
        [[ -d $task ]] || continue
        s=/run/containerd/s/$(printf '%s' "$d/containerd/containerd.sock/moby/${task##*/}" | sha256sum | cut -d' ' -f1)
        [[ -S $s ]] && rm -f "$s"
    done
    for cg in /sys/fs/cgroup/"$TAG-$name" /sys/fs/cgroup/*/"$TAG-$name"; do
        [[ -d $cg ]] && find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null || true
    done
}

cmd_down() {
    if [[ ! -e $DIR ]]; then return 0; fi
    [[ -e $DIR/$MARKER ]] || die "$DIR exists but was not made by this script; not touching it"
    DOCKER=$(docker_cli 2>/dev/null || true)
    log "stopping engines in $DIR"
    local name pids=()
    for name in "${ENGINES[@]}"; do [[ -d $DIR/$name ]] || continue; stop_engine "$name" & pids+=($!); done
    for name in "${pids[@]}"; do wait "$name" || true; done
    local m i
    for ((i = 0; i < 5; i++)); do
        [[ -n $(our_mounts) ]] || break
        while IFS= read -r m; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done < <(our_mounts)
    done
    [[ -z $(our_mounts) ]] || die "still mounted under $DIR: $(our_mounts | head -3 | tr '\n' ' ')"
    rm -rf --one-file-system "$DIR"
    log "down"
}

# --- up -------------------------------------------------------------------------------------------

free_port() {
    local p
    for ((p = 23760; p < 23860; p++)); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
    done
    die "no free port in 23760-23859"
}

start_containerd() { # name
    local c=$DIR/$1/containerd
    mkdir -p "$c"
    cat >"$c/config.toml" <<EOF
version = 2
root = "$c/root"
state = "$c/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$c/containerd.sock"
[ttrpc]
  address = "$c/containerd.sock.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "$c/opt"
EOF
    setsid containerd --config "$c/config.toml" >"$c/containerd.log" 2>&1 </dev/null &
    echo $! >"$c/containerd.pid"
}

start_dockerd() { # name host-args...
    local name=$1 d=$DIR/$1; shift
    local c=$d/containerd i
    for ((i = 0; i < 200; i++)); do
        # (just after the fork the process may not be containerd yet: only its death ends the wait)
        [[ -S $c/containerd.sock ]] || kill -0 "$(<"$c/containerd.pid")" 2>/dev/null || break
        [[ -S $c/containerd.sock ]] && break
        sleep 0.1
    done
    [[ -S $c/containerd.sock ]] || { tail -5 "$c/containerd.log" >&2; die "$name: containerd did not start"; }
    # own config file (ignore /etc/docker/daemon.json); own key.json, else both daemons share one ID
    printf '{"deprecated-key-path": "%s"}\n' "$d/key.json" >"$d/daemon.json"
    printf '%s\n' "$@" >"$d/dockerd.args" # for `start` after `stop`
    launch_dockerd "$name" "$@"
}

launch_dockerd() { # name host-args... (appends to the daemon's log, which tests read)
    local name=$1 d=$DIR/$1; shift
    setsid dockerd -D --config-file "$d/daemon.json" --data-root "$d/data" --exec-root "$d/exec" \
        --pidfile "$d/dockerd.pid" --containerd "$d/containerd/containerd.sock" \
        --bridge=none --iptables=false --ip6tables=false --ip-forward=false --userland-proxy=false \
        --cgroup-parent "/$TAG-$name" "$@" >>"$d/dockerd.log" 2>&1 </dev/null &
    echo $! >"$d/dockerd.launched"
}

wait_engine() {
    local name=$1 i
    for ((i = 0; i < START_TIMEOUT * 2; i++)); do
        dk "$name" version >/dev/null 2>&1 && return 0
        kill -0 "$(<"$DIR/$name/dockerd.launched")" 2>/dev/null || { i=-1; break; }
        sleep 0.5
    done
    if ((i < 0)); then log "$name daemon exited; last lines of $DIR/$name/dockerd.log:"
    else log "$name daemon did not answer within $START_TIMEOUT s; last lines of $DIR/$name/dockerd.log:"; fi
    tail -25 "$DIR/$name/dockerd.log" >&2 || true
    return 1
}

make_rootfs() {
    local r=$DIR/fixture/rootfs a
    mkdir -p "$r/bin" "$r/etc" "$r/srv" "$r/data" "$r/proc" "$r/sys" "$r/dev"
    install -d -m 1777 "$r/tmp"
    cp /bin/busybox "$r/bin/busybox"
    for a in sh echo sleep cat ls seq yes head tail printf date true false dd wc env id ps kill grep; do
        ln -s busybox "$r/bin/$a"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/srv:/bin/sh\n' >"$r/etc/passwd"
    printf 'root:x:0:\napp:x:1000:\n' >"$r/etc/group"
    tar -C "$r" -cf "$DIR/fixture/rootfs.tar" .
}

make_fixtures() { # name
    local n=$1
    dk "$n" import --change 'CMD ["sh"]' "$DIR/fixture/rootfs.tar" dms-fixture:1 >/dev/null
    dk "$n" tag dms-fixture:1 example.com/team/app:2.0
    dk "$n" create --name dms-fixture-tmp --network none dms-fixture:1 true >/dev/null
    dk "$n" commit \
        --change 'ENV DB_PASSWORD=img-hunter2' --change 'ENV PLAIN_SETTING=visible-value' \
        --change 'LABEL org.example.team=platform' --change 'USER 1000' --change 'WORKDIR /srv' \
        --change 'EXPOSE 8080/tcp' --change 'ENTRYPOINT ["sh","-c"]' \
        --change 'CMD ["echo secrets-image; exec sleep 1000000"]' \
        dms-fixture-tmp dms-fixture:secrets >/dev/null
    dk "$n" rm dms-fixture-tmp >/dev/null

    local run=(run -d --network none)
    dk "$n" "${run[@]}" --name web \
        -e DB_PASSWORD=hunter2 -e API_TOKEN=tok-abc123 -e AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI \
        -e DATABASE_URL=postgres://admin:s3cr3t@db.internal:5432/app -e PLAIN_SETTING=visible-value \
        --label app=web --label tier=frontend --restart unless-stopped --memory 64m \
        --health-cmd true --health-interval 2s --tmpfs /scratch -v dms-data:/data \
        dms-fixture:1 sleep 1000000 >/dev/null
    # the pauses keep the stdout/stderr interleaving deterministic in the log
    dk "$n" "${run[@]}" --name chatty --label app=chatty dms-fixture:1 sh -c \
        'echo out-1; sleep 0.1; echo err-1 >&2; sleep 0.1; echo out-2; sleep 0.1; echo err-2 >&2; sleep 0.1; echo out-3; exec sleep 1000000' \
        >/dev/null
    dk "$n" "${run[@]}" --name stopped --label app=stopped dms-fixture:1 true >/dev/null
    dk "$n" wait stopped >/dev/null
    local only=only-local; [[ $n == tls ]] && only=only-remote
    dk "$n" "${run[@]}" --name "$only" dms-fixture:1 sleep 1000000 >/dev/null
    if [[ $n == unix ]]; then make_leaky "$n"; fi
    local i
    for ((i = 0; i < 40; i++)); do
        [[ $(dk "$n" inspect -f '{{.State.Health.Status}}' web) == healthy ]] && return 0
        sleep 0.25
    done
    die "$n: container web did not become healthy"
}

wait_all() { # pids...
    local p rc=0
    for p in "$@"; do wait "$p" || rc=1; done
    return $rc
}

cmd_up() {
    local -a wanted=("${ENGINES[@]}")
    if [[ ${1:-} == --only ]]; then
        [[ ${2:-} == unix || ${2:-} == tls ]] || die "usage: $0 up [--only unix|tls]"
        wanted=("$2")
    elif [[ -n ${1:-} ]]; then
        die "usage: $0 up [--only unix|tls]"
    fi
    ensure_packages
    DOCKER=$(docker_cli) || die "no docker CLI"
    [[ -e $DIR ]] && cmd_down
    log "starting engines (${wanted[*]}) in $DIR"
    mkdir -p "$DIR/fixture" "$DIR/cli-config"
    touch "$DIR/$MARKER"
    printf '%s\n' "${wanted[@]}" >"$DIR/engines.list"
    trap 'log "up failed; logs are under $DIR; run \"$0 down\" to clean up"' EXIT
    local name port= pids=()
    for name in "${wanted[@]}"; do mkdir -p "$DIR/$name"; done
    if wants tls "${wanted[@]}"; then
        "$(dirname "${BASH_SOURCE[0]}")/fixture/make-certs.sh" "$DIR/tls"
        port=$(free_port)
        echo "$port" >"$DIR/tls/port"
    fi
    for name in "${wanted[@]}"; do start_containerd "$name"; done
    # extra daemon flags, e.g. DMS_DOCKERD_FLAGS=--live-restore for a daemon that tests stop and start
    local -a extra
    read -ra extra <<<"${DMS_DOCKERD_FLAGS:-}"
    if wants unix "${wanted[@]}"; then start_dockerd unix "${extra[@]}" -H "unix://$DIR/unix/docker.sock"; fi
    if wants tls "${wanted[@]}"; then
        start_dockerd tls "${extra[@]}" -H "tcp://127.0.0.1:$port" --tlsverify --tlscacert "$DIR/tls/ca.pem" \
            --tlscert "$DIR/tls/server-cert.pem" --tlskey "$DIR/tls/server-key.pem"
    fi
    make_rootfs
    for name in "${wanted[@]}"; do wait_engine "$name" & pids+=($!); done
    wait_all "${pids[@]}" || die "engines did not start"
    log "daemons up; creating fixtures"
    pids=()
    for name in "${wanted[@]}"; do make_fixtures "$name" & pids+=($!); done
    wait_all "${pids[@]}" || die "fixture set-up failed"
    local t=$DIR/tls
    {
        if wants unix "${wanted[@]}"; then
            printf 'UNIX_DOCKER_HOST=unix://%s\nUNIX_SOCKET=%s\nUNIX_LOG=%s\n' \
                "$DIR/unix/docker.sock" "$DIR/unix/docker.sock" "$DIR/unix/dockerd.log"
        fi
        if wants tls "${wanted[@]}"; then
            printf 'TLS_DOCKER_HOST=tcp://127.0.0.1:%s\nTLS_PORT=%s\n' "$port" "$port"
            printf 'TLS_CERT_PATH=%s\nTLS_CERT_PATH_PKCS8=%s\nTLS_CERT_PATH_EC=%s\nTLS_CERT_PATH_WRONG_CA=%s\nTLS_LOG=%s\n' \
                "$t/client-pkcs1" "$t/client-pkcs8" "$t/client-ec" "$t/wrong-ca" "$t/dockerd.log"
        fi
    } >"$DIR/engines.env"
    trap - EXIT
    log "up: ${wanted[*]}${port:+ (TLS on tcp://127.0.0.1:$port)} in $DIR"
    echo "$DIR/engines.env"
}

wants() { # name list...
    local n=$1 x; shift
    for x in "$@"; do [[ $x == "$n" ]] && return 0; done
    return 1
}

started_engines() {
    if [[ -f $DIR/engines.list ]]; then cat "$DIR/engines.list"; else printf '%s\n' "${ENGINES[@]}"; fi
}

cmd_env() {
    local n
    [[ -f $DIR/engines.env ]] || exit 1
    for n in $(started_engines); do engine_up "$n" || exit 1; done
    echo "$DIR/engines.env"
}

engine_arg() { # [unix|tls] -> name, checking that `up` started it
    local name=${1:-unix}
    [[ $name == unix || $name == tls ]] || die "unknown engine '$name' (unix or tls)"
    [[ -f $DIR/$name/dockerd.args ]] || die "$name engine was never started in $DIR; run '$0 up' first"
    echo "$name"
}

cmd_stop() { # [unix|tls] [--kill]
    local name pid how=stopped; name=$(engine_arg "${1:-}")
    if pid=$(pid_of "$DIR/$name/dockerd.launched" dockerd); then
        kill -CONT "$pid" 2>/dev/null || true
        if [[ ${2:-} == --kill ]]; then
            # a crash: no clean shutdown, the socket file stays, containers keep running under containerd
            kill -KILL "$pid"
            while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
            how=killed
        else
            stop_pid "$pid" "$STOP_TIMEOUT" # graceful: running containers get their 10 s to stop
        fi
        log "$name daemon $how (data and containerd kept; '$0 start $name' brings it back)"
    else
        log "$name daemon was not running"
    fi
}

cmd_start() {
    local name; name=$(engine_arg "${1:-}")
    DOCKER=$(docker_cli)
    if engine_up "$name" && pid_of "$DIR/$name/dockerd.launched" dockerd >/dev/null; then
        log "$name daemon already running"
        return 0
    fi
    local -a args
    mapfile -t args <"$DIR/$name/dockerd.args"
    launch_dockerd "$name" "${args[@]}"
    wait_engine "$name" || die "$name daemon did not come back"
    log "$name daemon started again"
}

cmd_signal() { # STOP|CONT [name]
    local sig=$1 name pid; name=$(engine_arg "${2:-}")
    pid=$(pid_of "$DIR/$name/dockerd.launched" dockerd) || die "$name daemon is not running"
    kill "-$sig" "$pid"
    log "$name daemon (pid $pid) sent SIG$sig"
}

cmd_pid() {
    local name; name=$(engine_arg "${1:-}")
    pid_of "$DIR/$name/dockerd.launched" dockerd || die "$name daemon is not running"
}

cmd_fixture() {
    [[ ${1:-} == leaky ]] || die "usage: $0 fixture leaky [unix|tls]"
    local name=${2:-unix}
    [[ $name == unix || $name == tls ]] || die "unknown engine '$name' (unix or tls)"
    engine_up "$name" || die "$name engine is not up; run '$0 up' first"
    DOCKER=$(docker_cli)
    make_leaky "$name"
    log "$name: leaky container and dms-leaky images ready"
}

cmd_scale() {
    local count=${1:-} name=${2:-unix}
    [[ $count =~ ^[0-9]+$ ]] || die "usage: $0 scale N [unix|tls]"
    [[ $name == unix || $name == tls ]] || die "unknown engine '$name' (unix or tls)"
    engine_up "$name" || die "$name engine is not up; run '$0 up' first"
    DOCKER=$(docker_cli)
    local existing i p pids=() failed=0
    existing=" $(dk "$name" ps -a --format '{{.Names}}' | tr '\n' ' ') "
    for ((i = 1; i <= count; i++)); do
        [[ $existing == *" bench-$i "* ]] && continue
        dk "$name" run -d --network none --name "bench-$i" dms-fixture:1 sleep 1000000 >/dev/null & pids+=($!)
        if ((${#pids[@]} >= 4)); then
            wait "${pids[0]}" || failed=$((failed + 1))
            pids=("${pids[@]:1}")
        fi
    done
    for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
    ((failed == 0)) || die "$name: $failed bench containers failed to start"
    log "$name: $(dk "$name" ps -q --filter name=^bench- | wc -l) bench containers running"
}

case ${1:-} in
    up) shift; cmd_up "$@" ;;
    down) cmd_down ;;
    env) cmd_env ;;
    scale) shift; cmd_scale "$@" ;;
    fixture) shift; cmd_fixture "$@" ;;
    stop) cmd_stop "${2:-}" "${3:-}" ;;
    start) cmd_start "${2:-}" ;;
    pause) cmd_signal STOP "${2:-}" ;;
    resume) cmd_signal CONT "${2:-}" ;;
    pid) cmd_pid "${2:-}" ;;
    *) die "usage: $0 up [--only unix|tls] | down | env | scale N [unix|tls] | fixture leaky [unix|tls] | stop [unix|tls] [--kill] | start|pause|resume|pid [unix|tls]" ;;
esac
