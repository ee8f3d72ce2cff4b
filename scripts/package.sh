#!/usr/bin/env bash
# Builds every distributable artifact of docker-mcp-secure into target/dist/ (the image into the engine DOCKER_HOST names):
#   docker-mcp-secure-VERSION.tgz              npm package: a Node launcher plus the jar (npx docker-mcp-secure)
#   docker-mcp-secure-linux-x64-VERSION.tgz    its optional dependency: a jlink'ed Java runtime, so npx needs no Java
#   docker-mcp-secure-VERSION.mcpb             Claude Desktop bundle (built and validated with @anthropic-ai/mcpb)
#   image docker-mcp-secure:VERSION, :latest and ghcr.io/dockermcpsecure/docker-mcp-secure:VERSION, built from parts without a base image (docker-mcp-secure-VERSION.image.txt
#                                              records its id and size)
#
#   scripts/package.sh [npm] [image] [mcpb]    all by default, or only those named
# Needs JDK 17+ with jmods (jlink), Maven (only if the jar is missing or older than the sources), Node 18+ with npm,
# and for the image a Docker engine. Progress goes to stderr; nothing is written to stdout.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
exec 3>&1 1>&2 # stdout of every step goes to stderr

ROOT=$PWD
VERSION=$(sed -n '0,/^  <version>/s|^  <version>\(.*\)</version>.*|\1|p' pom.xml)
NAME=docker-mcp-secure
REGISTRY_NAME=io.github.dockermcpsecure/docker-mcp-secure
SOURCE_URL=https://github.com/dockermcpsecure/docker-mcp-secure
OCI_REPOSITORY=ghcr.io/dockermcpsecure/docker-mcp-secure
JAR=target/$NAME.jar
DIST=target/dist
WORK=target/dist-work
PLATFORM=linux-x64 # the runtime package built here: this machine's platform
UID_GID=10001      # the image's non-root user

log() { printf 'package: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
[ -n "$VERSION" ] || die "no <version> in pom.xml"

want() { [ ${#TARGETS[@]} -eq 0 ] || [[ " ${TARGETS[*]} " == *" $1 "* ]]; }
TARGETS=("$@")
for t in "${TARGETS[@]}"; do
    case $t in npm | image | mcpb) ;; *) die "unknown target '$t': use npm, image or mcpb" ;; esac
done

# --- the jar and its JVM flags ----------------------------------------------------------------------

jar() {
    if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit)" ]; then
        log "building $JAR (mvn package)"
        mvn -B -ntp -q -Dstyle.color=never package -DskipTests
    fi
}

# The start-up flags are bin/docker-mcp-secure's: one list, read from there, so the launchers cannot drift apart.
jvm_flags() {
    local line
    line=$(sed -n 's/^flags=(\(.*\))$/\1/p' bin/docker-mcp-secure)
    [ -n "$line" ] || die "bin/docker-mcp-secure has no 'flags=(...)' line to take the JVM flags from"
    read -ra FLAGS <<<"$line"
}

# --- a jlink'ed runtime with the modules jdeps finds ----------------------------------------------------

# jdeps also names java.desktop, referenced only by Jackson's optional java.beans support and Jetty's AppContext
# leak preventer, neither of which is loaded (the image tests prove the server runs without it); jdk.crypto.ec is a
# service provider jdeps cannot see, needed for TLS with EC keys and ECDHE.
runtime() {
    local modules java_home key
    java_home=$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")
    [ -d "$java_home/jmods" ] || die "$java_home has no jmods/: install a full JDK 17+ (e.g. openjdk-17-jdk) for jlink"
    modules=$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps "$JAR" | tr ',' '\n' \
        | grep -vx 'java.desktop' | sort -u | paste -sd, -),jdk.crypto.ec
    key=$(printf '%s %s' "$modules" "$(cat "$java_home/release")" | sha256sum | cut -c1-12)
    RUNTIME=$WORK/runtime-$key
    if [ ! -x "$RUNTIME/bin/java" ]; then
        log "jlink: $modules"
        rm -rf "$WORK"/runtime-*
        mkdir -p "$WORK"
        jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
            --generate-cds-archive --output "$RUNTIME.tmp" >/dev/null
        # the base archive for compressed oops is the one used (heaps under 32 GB); the other is 11 MB of nothing
        rm -f "$RUNTIME.tmp/lib/server/classes_nocoops.jsa"
        # Debian's libjvm.so keeps its symbol table: 3 MB that no one needs at run time
        if command -v strip >/dev/null; then
            chmod u+w "$RUNTIME.tmp/lib/server/libjvm.so"
            strip --strip-unneeded "$RUNTIME.tmp/lib/server/libjvm.so"
            chmod a-w "$RUNTIME.tmp/lib/server/libjvm.so"
        fi
        mv "$RUNTIME.tmp" "$RUNTIME"
    fi
}

# --- npm ---------------------------------------------------------------------------------------------

stage_launcher() { # DIR: the Node launcher, the jar and its flags, as the npm package and the bundle carry them
    local dir=$1
    mkdir -p "$dir/bin" "$dir/lib"
    sed "s/@VERSION@/$VERSION/g" packaging/npm/package.json >"$dir/package.json"
    cp packaging/npm/bin/docker-mcp-secure.js "$dir/bin/"
    chmod 755 "$dir/bin/docker-mcp-secure.js"
    cp "$JAR" "$dir/lib/$NAME.jar"
    node -e 'process.stdout.write(JSON.stringify({ flags: process.argv.slice(1) }, null, 2) + "\n")' -- "${FLAGS[@]}" >"$dir/lib/jvm-flags.json"
}

npm_packages() {
    local main=$WORK/npm/$NAME plat=$WORK/npm/$NAME-$PLATFORM
    rm -rf "$WORK/npm"
    stage_launcher "$main"
    cp packaging/npm/README.md "$main/"
    mkdir -p "$plat"
    sed -e "s/@VERSION@/$VERSION/g" -e "s/@PLATFORM@/$PLATFORM/g" -e "s/@OS@/${PLATFORM%-*}/g" -e "s/@CPU@/${PLATFORM#*-}/g" \
        packaging/npm-runtime/package.json >"$plat/package.json"
    sed "s/@PLATFORM@/$PLATFORM/g" packaging/npm-runtime/README.md >"$plat/README.md"
    cp -a "$RUNTIME" "$plat/runtime"
    mkdir -p "$DIST"
    rm -f "$DIST/$NAME-$VERSION.tgz" "$DIST/$NAME-$PLATFORM-$VERSION.tgz"
    (cd "$main" && npm pack --silent --pack-destination "$ROOT/$DIST" >/dev/null)
    (cd "$plat" && npm pack --silent --pack-destination "$ROOT/$DIST" >/dev/null)
    log "npm: $DIST/$NAME-$VERSION.tgz ($(du -h "$DIST/$NAME-$VERSION.tgz" | cut -f1)), $DIST/$NAME-$PLATFORM-$VERSION.tgz ($(du -h "$DIST/$NAME-$PLATFORM-$VERSION.tgz" | cut -f1))"
}

# --- Claude Desktop bundle -----------------------------------------------------------------------------

mcpb_tool() {
    (cd packaging && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$ROOT/packaging/node_modules/.bin/mcpb"
}

bundle() {
    local dir=$WORK/mcpb mcpb
    mcpb=$(mcpb_tool)
    rm -rf "$dir"
    stage_launcher "$dir"
    # the tools the bundle declares are the reviewed tools/list snapshot's names and descriptions
    node -e '
        const fs = require("fs");
        const [template, snapshot, version] = process.argv.slice(1);
        const tools = JSON.parse(fs.readFileSync(snapshot, "utf8")).map((t) => ({ name: t.name, description: t.description }));
        const manifest = JSON.parse(fs.readFileSync(template, "utf8").replaceAll("@VERSION@", version));
        manifest.tools = tools;
        process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
    ' packaging/mcpb/manifest.json src/test/resources/snapshots/tools-list.json "$VERSION" >"$dir/manifest.json"
    "$mcpb" validate "$dir/manifest.json" >&2
    mkdir -p "$DIST"
    rm -f "$DIST/$NAME-$VERSION.mcpb"
    "$mcpb" pack "$dir" "$DIST/$NAME-$VERSION.mcpb" >&2
    log "bundle: $DIST/$NAME-$VERSION.mcpb"
}

# --- container image from parts ------------------------------------------------------------------------

# Every shared library the runtime's binaries need, and the dynamic loader, copied from this machine by ldd.
copy_libraries() {
    local rootfs=$1 f lib
    for f in "$rootfs"/opt/java/bin/java $(find "$rootfs/opt/java/lib" -name '*.so'); do
        LD_LIBRARY_PATH="$rootfs/opt/java/lib:$rootfs/opt/java/lib/server" ldd "$f" 2>/dev/null \
            | awk '/=> \// { print $3 } /^\t\/[^ ]+ \(/ { print $1 }'
    done | sort -u | while read -r lib; do
        case $lib in "$rootfs"/*) continue ;; esac # the runtime's own
        mkdir -p "$rootfs$(dirname "$lib")"
        cp -L "$lib" "$rootfs$lib"
    done
}

rootfs_tar() { # ROOTFS OUT: root-owned files, then the user's home and state folders owned by the user
    local rootfs=$1 out=$2
    tar -C "$rootfs" --numeric-owner --owner=0 --group=0 --exclude=./home/mcp --exclude=./state -cf "$out" .
    tar -C "$rootfs" --numeric-owner --owner=$UID_GID --group=$UID_GID -rf "$out" ./home/mcp ./state
}

train_in_image() { # ROOTFS TMP_IMAGE CONTAINER: runs the server once inside the parts, keeps the archive it writes
    local rootfs=$1 tmp_image=$2 trainer=$3
    rootfs_tar "$rootfs" "$WORK/image/rootfs.tar"
    docker import "$WORK/image/rootfs.tar" "$tmp_image" >/dev/null
    docker rm -f "$trainer" >/dev/null 2>&1 || true
    docker create --name "$trainer" --network none --user 0 --entrypoint /opt/java/bin/java "$tmp_image" \
        "${FLAGS[@]}" -XX:ArchiveClassesAtExit=/app/$NAME.jsa -jar /app/$NAME.jar --train >/dev/null
    if ! docker start -a "$trainer" >/dev/null; then
        docker rm -f "$trainer" >/dev/null; docker rmi "$tmp_image" >/dev/null
        die "the server did not run inside the image (training run failed)"
    fi
    docker cp "$trainer:/app/$NAME.jsa" "$rootfs/app/$NAME.jsa"
    docker rm -f "$trainer" >/dev/null
    docker rmi "$tmp_image" >/dev/null
}

image() {
    local rootfs=$ROOT/$WORK/image/rootfs tmp_image=$NAME:build-$$ trainer=$NAME-train-$$ flags_json labels=() created
    command -v docker >/dev/null || die "the image needs the docker CLI and an engine (DOCKER_HOST)"
    rm -rf "$WORK/image"
    mkdir -p "$rootfs/opt" "$rootfs/app" "$rootfs/etc" "$rootfs/home/mcp" "$rootfs/state" "$rootfs/tmp"
    cp -a "$RUNTIME" "$rootfs/opt/java"
    cp "$JAR" "$rootfs/app/$NAME.jar"
    copy_libraries "$rootfs"
    printf 'root:x:0:0:root:/root:/sbin/nologin\nmcp:x:%s:%s:docker-mcp-secure:/home/mcp:/sbin/nologin\n' $UID_GID $UID_GID >"$rootfs/etc/passwd"
    printf 'root:x:0:\nmcp:x:%s:\n' $UID_GID >"$rootfs/etc/group"
    chmod 1777 "$rootfs/tmp"
    chmod 700 "$rootfs/state"

    # 1. the parts, imported as is, to record the class-data archive of this jar at its final path (23 MB of the image,
    #    for a faster start of every `docker run`; DMS_IMAGE_ARCHIVE=0 leaves it out)
    local archive_flags=(-XX:SharedArchiveFile=/app/$NAME.jsa -Xshare:auto)
    if [ "${DMS_IMAGE_ARCHIVE:-1}" = 0 ]; then
        archive_flags=()
    else
        train_in_image "$rootfs" "$tmp_image" "$trainer"
    fi

    # 2. the image: one layer, a non-root user, no shell; the JVM flags of the launcher plus that archive
    rootfs_tar "$rootfs" "$WORK/image/rootfs.tar"
    flags_json=$(node -e 'process.stdout.write(JSON.stringify(process.argv.slice(1)))' -- /opt/java/bin/java "${FLAGS[@]}" \
        "${archive_flags[@]}" -jar /app/$NAME.jar)
    created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    labels=(
        "org.opencontainers.image.title=$NAME"
        "org.opencontainers.image.description=Read-only, security-first MCP server for Docker engines"
        "org.opencontainers.image.version=$VERSION"
        "org.opencontainers.image.source=$SOURCE_URL"
        "org.opencontainers.image.url=$SOURCE_URL"
        "org.opencontainers.image.revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)"
        "org.opencontainers.image.created=$created"
        "io.modelcontextprotocol.server.name=$REGISTRY_NAME"
    )
    local changes=(--change "USER $UID_GID:$UID_GID" --change "WORKDIR /home/mcp" --change "ENTRYPOINT $flags_json"
        --change "ENV HOME=/home/mcp XDG_STATE_HOME=/state" --change "VOLUME /state" --change "EXPOSE 3000")
    local l
    for l in "${labels[@]}"; do changes+=(--change "LABEL ${l%%=*}=\"${l#*=}\""); done
    docker import "${changes[@]}" "$WORK/image/rootfs.tar" "$NAME:$VERSION" >/dev/null
    docker tag "$NAME:$VERSION" "$NAME:latest"
    docker tag "$NAME:$VERSION" "$OCI_REPOSITORY:$VERSION" # the name server.json gives, ready to push
    rm -f "$WORK/image/rootfs.tar"
    mkdir -p "$DIST"
    docker image inspect -f '{{.Id}} {{.Size}}' "$NAME:$VERSION" >"$DIST/$NAME-$VERSION.image.txt"
    log "image: $NAME:$VERSION and :latest, $(awk '{ printf "%.1f MB", $2 / 1000000 }' "$DIST/$NAME-$VERSION.image.txt")"
}

jar
jvm_flags
if want npm || want image; then runtime; fi
if want npm; then npm_packages; fi
if want mcpb; then bundle; fi
if want image; then image; fi
log "done: $(cd "$DIST" && ls | tr '\n' ' ')"
