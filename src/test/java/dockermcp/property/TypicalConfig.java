package dockermcp.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The configuration real deployments carry and operators need to see: the env of the official nginx, postgres,
 * mysql, redis, mongo, node, java, python, go, php, ruby and rabbitmq images, what Kubernetes puts in a pod's env,
 * and OCI, Kubernetes, compose and Traefik labels; plus generated values of the same kinds. None is a secret.
 */
public final class TypicalConfig {

    private TypicalConfig() {
    }

    /** Env entries NAME=value as images and orchestrators set them. */
    public static final List<String> ENV = List.of(
            // nginx
            "NGINX_VERSION=1.27.3", "NJS_VERSION=0.8.7", "NJS_RELEASE=1~bookworm", "PKG_RELEASE=1~bookworm", "DYNPKG_RELEASE=1~bookworm",
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_ENVSUBST_TEMPLATE_DIR=/etc/nginx/templates",
            "NGINX_ENTRYPOINT_QUIET_LOGS=1", "NGINX_PORT=80",
            // postgres
            "GOSU_VERSION=1.17", "LANG=en_US.utf8", "PG_MAJOR=17", "PG_VERSION=17.2-1.pgdg120+1", "PGDATA=/var/lib/postgresql/data",
            "POSTGRES_USER=orders", "POSTGRES_DB=orders", "POSTGRES_INITDB_ARGS=--data-checksums", "POSTGRES_HOST_AUTH_METHOD=scram-sha-256",
            "POSTGRES_PASSWORD_FILE=/run/secrets/pg_password",
            // mysql, mariadb
            "MYSQL_MAJOR=innovation", "MYSQL_VERSION=9.1.0-1.el9", "MYSQL_SHELL_VERSION=9.1.0-1.el9", "MYSQL_DATABASE=shop", "MYSQL_USER=shop",
            "MARIADB_VERSION=1:11.4.4+maria~ubu2404", "MARIADB_AUTO_UPGRADE=1", "MYSQL_ROOT_HOST=%",
            // redis, mongo, rabbitmq
            "REDIS_VERSION=7.4.1", "REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.1.tar.gz",
            "REDIS_DOWNLOAD_SHA=bc34d8f4c8ad3a9ba8b1c5e5a0d0d2b0f2b6aa0a5dd7ba8d6bd0e4c4d4a37ec4", "MONGO_PACKAGE=mongodb-org", "MONGO_REPO=repo.mongodb.org",
            "MONGO_MAJOR=8.0", "MONGO_VERSION=8.0.3", "HOME=/data/db", "JSYAML_VERSION=3.13.1", "RABBITMQ_VERSION=4.0.4", "RABBITMQ_DATA_DIR=/var/lib/rabbitmq",
            "OPENSSL_VERSION=3.3.2", "OTP_VERSION=27.1.2", "ERLANG_INSTALL_PATH_PREFIX=/opt/erlang", "RABBITMQ_HOME=/opt/rabbitmq", "RABBITMQ_LOGS=-",
            // node
            "NODE_VERSION=20.18.1", "YARN_VERSION=1.22.22", "NODE_ENV=production", "NPM_CONFIG_LOGLEVEL=warn", "NODE_OPTIONS=--max-old-space-size=1536",
            "NPM_CONFIG_UPDATE_NOTIFIER=false", "NEXT_TELEMETRY_DISABLED=1", "COREPACK_ENABLE_DOWNLOAD_PROMPT=0",
            // java
            "JAVA_HOME=/opt/java/openjdk", "JAVA_VERSION=jdk-21.0.5+11", "LANGUAGE=en_US:en", "LC_ALL=en_US.UTF-8",
            "JAVA_OPTS=-Xms512m -Xmx2g -XX:+UseZGC -Dfile.encoding=UTF-8", "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError",
            "MAVEN_HOME=/usr/share/maven", "MAVEN_CONFIG=/root/.m2", "CATALINA_HOME=/usr/local/tomcat", "TOMCAT_MAJOR=10", "TOMCAT_VERSION=10.1.33",
            "TOMCAT_NATIVE_LIBDIR=/usr/local/tomcat/native-jni-lib", "LD_LIBRARY_PATH=/usr/local/tomcat/native-jni-lib",
            "SPRING_PROFILES_ACTIVE=prod,kubernetes", "SPRING_DATASOURCE_URL=jdbc:postgresql://postgres:5432/orders", "SPRING_DATASOURCE_USERNAME=orders",
            "SERVER_PORT=8080", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE=health,info,prometheus", "LOGGING_LEVEL_ROOT=INFO",
            // python
            "PYTHON_VERSION=3.12.8", "PYTHON_SHA256=c909157bb25ec114e5869124cc2a9c4a4d4c1e957ca4ff553f1edc692101154e",
            "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1", "PIP_NO_CACHE_DIR=off",
            "PIP_DISABLE_PIP_VERSION_CHECK=on", "PYTHONPATH=/app/src", "DJANGO_SETTINGS_MODULE=config.settings.production", "GUNICORN_CMD_ARGS=--workers=4 --timeout=60",
            "UV_COMPILE_BYTECODE=1", "UV_LINK_MODE=copy", "VIRTUAL_ENV=/opt/venv", "HF_HOME=/cache/huggingface", "TRANSFORMERS_CACHE=/cache/huggingface/hub",
            "CUDA_VERSION=12.4.1", "NVIDIA_VISIBLE_DEVICES=all", "NVIDIA_DRIVER_CAPABILITIES=compute,utility", "NV_CUDA_CUDART_VERSION=12.4.127-1",
            "NVARCH=x86_64", "NV_LIBCUBLAS_VERSION=12.4.5.8-1", "TORCH_CUDA_ARCH_LIST=8.0;8.6;8.9;9.0",
            // go, php, ruby
            "GOLANG_VERSION=1.23.4", "GOTOOLCHAIN=local", "GOPATH=/go", "CGO_ENABLED=0", "GOOS=linux", "GOARCH=amd64", "GOFLAGS=-mod=vendor",
            "PHP_VERSION=8.3.14", "PHP_INI_DIR=/usr/local/etc/php", "PHP_CFLAGS=-fstack-protector-strong -fpic -fpie -O2 -D_LARGEFILE_SOURCE -D_FILE_OFFSET_BITS=64",
            "PHP_URL=https://www.php.net/distributions/php-8.3.14.tar.xz", "PHP_SHA256=58b4cb9019bf70c0cbcdb814c7df79b9065059d14cf7dbf48d971f8e56ae9be7",
            "PHPIZE_DEPS=autoconf dpkg-dev file g++ gcc libc-dev make pkg-config re2c", "APACHE_CONFDIR=/etc/apache2", "APACHE_ENVVARS=/etc/apache2/envvars",
            "RUBY_VERSION=3.3.6", "RUBY_DOWNLOAD_SHA256=8dc48fffaf270f86f1019053f28e51e4da4cce32a36760a0603a9aee67d7fd8d", "GEM_HOME=/usr/local/bundle",
            "BUNDLE_SILENCE_ROOT_WARNING=1", "BUNDLE_APP_CONFIG=/usr/local/bundle", "RAILS_ENV=production", "RAILS_LOG_TO_STDOUT=true", "RAILS_MAX_THREADS=5",
            // Kubernetes
            "KUBERNETES_SERVICE_HOST=10.96.0.1", "KUBERNETES_SERVICE_PORT=443", "KUBERNETES_SERVICE_PORT_HTTPS=443", "KUBERNETES_PORT=tcp://10.96.0.1:443",
            "KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443", "KUBERNETES_PORT_443_TCP_PROTO=tcp", "KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1",
            "KUBERNETES_PORT_443_TCP_PORT=443", "HOSTNAME=orders-api-7d9f8b6c5-x2kqp", "POD_NAME=orders-api-7d9f8b6c5-x2kqp", "POD_NAMESPACE=shop",
            "POD_IP=10.244.1.17", "NODE_NAME=ip-10-0-12-34.eu-central-1.compute.internal", "SERVICE_ACCOUNT=orders-api",
            "ORDERS_DB_SERVICE_HOST=10.100.42.7", "ORDERS_DB_PORT=tcp://10.100.42.7:5432", "MY_CPU_LIMIT=2", "MY_MEM_LIMIT=2147483648",
            // application settings
            "PORT=3000", "HOST=0.0.0.0", "LOG_LEVEL=debug", "LOG_FORMAT=json", "TZ=America/New_York", "APP_ENV=staging", "APP_NAME=orders-api",
            "APP_VERSION=2.14.0-rc.3", "BUILD_NUMBER=4711", "BUILD_DATE=2024-11-30T10:00:00Z", "GIT_SHA=3f2a9c1e8b7d6054a3b2c1d0e9f8a7b6c5d4e3f2",
            "GIT_BRANCH=release/2.14", "RELEASE=orders-api@2.14.0", "SENTRY_ENVIRONMENT=production", "OTEL_SERVICE_NAME=orders-api",
            "OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability:4317", "OTEL_RESOURCE_ATTRIBUTES=service.namespace=shop,deployment.environment=prod",
            "OTEL_TRACES_SAMPLER=parentbased_traceidratio", "OTEL_TRACES_SAMPLER_ARG=0.1", "DD_ENV=prod", "DD_SERVICE=orders-api", "DD_VERSION=2.14.0",
            "REDIS_HOST=redis-master.shop.svc.cluster.local", "REDIS_PORT=6379", "REDIS_DB=2", "KAFKA_BOOTSTRAP_SERVERS=kafka-0.kafka:9092,kafka-1.kafka:9092",
            "KAFKA_GROUP_ID=orders-consumer", "KAFKA_TOPIC=orders.v1", "AWS_REGION=eu-central-1", "AWS_DEFAULT_REGION=eu-central-1",
            "S3_BUCKET=shop-orders-archive-prod", "AWS_ROLE_ARN=arn:aws:iam::123456789012:role/orders-api",
            "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token", "GOOGLE_CLOUD_PROJECT=shop-prod-4711",
            "AZURE_CLIENT_ID=5f0c7a52-3b4e-4d8a-9c21-7e6f5a4b3c2d", "CORS_ALLOWED_ORIGINS=https://shop.example.com,https://admin.example.com",
            "FEATURE_FLAGS=new-checkout,fast-search", "CACHE_TTL_SECONDS=300", "HTTP_TIMEOUT=30s", "MAX_BODY_SIZE=10m", "RATE_LIMIT=100/min",
            "CRON_SCHEDULE=*/5 * * * *", "WORKER_CONCURRENCY=8", "UPLOAD_DIR=/var/lib/orders/uploads", "TLS_CERT_FILE=/etc/tls/tls.crt",
            "TLS_KEY_FILE=/etc/tls/tls.key", "DATABASE_HOST=orders-db.shop.svc", "DATABASE_NAME=orders_prod", "DATABASE_USER=orders_rw", "DATABASE_SSLMODE=verify-full",
            "DB_POOL_SIZE=20", "LDAP_BASE_DN=dc=example,dc=com", "SMTP_HOST=smtp.example.com", "SMTP_PORT=587", "MAIL_FROM=noreply@example.com",
            "TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT=false", "TRAEFIK_ENTRYPOINTS_WEB_ADDRESS=:80", "WATCHTOWER_SCHEDULE=0 0 4 * * *",
            "GRAFANA_VERSION=11.3.1", "GF_PATHS_DATA=/var/lib/grafana", "GF_INSTALL_PLUGINS=grafana-piechart-panel", "PROMETHEUS_RETENTION=15d",
            "ELASTIC_CONTAINER=true", "ES_JAVA_OPTS=-Xms1g -Xmx1g", "discovery.type=single-node", "cluster.name=docker-cluster", "xpack.security.enabled=true",
            "DEBIAN_FRONTEND=noninteractive", "TERM=xterm", "SHLVL=1", "USER=app", "UID=1000", "GID=1000", "DOTNET_VERSION=8.0.11",
            "VM_SIZE=Standard_D2s_v3", "TLS_MIN_VERSION=TLSv1.2", "RUNTIME=Python3.12", "CIPHER=AES256-GCM-SHA384", "BASE_OS=Ubuntu-22.04",
            "TRIPLET=x86_64-linux-gnu", "PLATFORM=linux/arm64/v8", "IMAGE_REF=ghcr.io/example/orders-api:v2.14.0", "ROOT_NAMESPACE=MyCompany.Orders.Api",
            "JVM_GC=-XX:+UseG1GC", "XMX=-Xmx512m", "ZONE=europe-west3-b", "AMI=ami-0a1b2c3d4e5f67890", "SUBNET=subnet-0123456789abcdef0",
            "ASPNETCORE_URLS=http://+:8080", "ASPNETCORE_ENVIRONMENT=Production", "DOTNET_RUNNING_IN_CONTAINER=true", "APP_UID=1654");

    /** Labels key=value as images, Kubernetes, compose and Traefik set them. */
    public static final List<String> LABELS = List.of(
            "org.opencontainers.image.revision=3f2a9c1e8b7d6054a3b2c1d0e9f8a7b6c5d4e3f2", "org.opencontainers.image.version=2.14.0",
            "org.opencontainers.image.source=https://github.com/example/orders-api", "org.opencontainers.image.created=2024-11-30T10:00:00Z",
            "org.opencontainers.image.licenses=Apache-2.0", "org.opencontainers.image.ref.name=ubuntu", "org.opencontainers.image.vendor=Example GmbH",
            "org.opencontainers.image.base.name=docker.io/library/eclipse-temurin:21-jre", "org.opencontainers.image.title=orders-api",
            "org.opencontainers.image.base.digest=sha256:9b3c1e7f0a2d4c6b8e5f1a3c7d9b2e4f6a8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e",
            "maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>", "io.buildah.version=1.37.5", "com.redhat.component=ubi9-minimal-container",
            "io.kubernetes.pod.name=orders-api-7d9f8b6c5-x2kqp", "io.kubernetes.pod.namespace=shop", "io.kubernetes.container.name=orders-api",
            "io.kubernetes.pod.uid=8c1f4a2e-6b3d-4e5f-9a7b-0c2d4e6f8a1b", "io.kubernetes.docker.type=container",
            "io.kubernetes.sandbox.id=4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e83f2a1b9c0d", "annotation.io.kubernetes.container.hash=9a8b7c6d",
            "annotation.io.kubernetes.container.restartCount=0", "annotation.io.kubernetes.container.terminationMessagePolicy=File",
            "com.docker.compose.project=shop", "com.docker.compose.service=orders", "com.docker.compose.version=2.29.7", "com.docker.compose.oneoff=False",
            "com.docker.compose.config-hash=9b3c1e7f0a2d4c6b8e5f1a3c7d9b2e4f6a8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e", "com.docker.compose.container-number=1",
            "com.docker.compose.depends_on=postgres:service_healthy:false", "com.docker.compose.image=sha256:1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
            "com.docker.compose.project.working_dir=/srv/shop", "com.docker.compose.project.config_files=/srv/shop/compose.yaml,/srv/shop/compose.prod.yaml",
            "traefik.enable=true", "traefik.http.routers.orders.rule=Host(`shop.example.com`) && PathPrefix(`/api`)", "traefik.http.routers.orders.entrypoints=websecure",
            "traefik.http.routers.orders.tls.certresolver=letsencrypt", "traefik.http.services.orders.loadbalancer.server.port=8080",
            "traefik.http.middlewares.orders-strip.stripprefix.prefixes=/api", "traefik.http.routers.orders.middlewares=orders-strip@docker,secure-headers@file",
            "traefik.docker.network=proxy", "com.centurylinklabs.watchtower.enable=true", "desktop.docker.io/wsl-distro=Ubuntu", "prometheus.io/scrape=true",
            "prometheus.io/port=9090", "prometheus.io/path=/metrics");

    /** Generated values of typical kinds under neutral names: versions, hosts, ids, sizes, durations, pod names, paths. */
    public static List<String> generated(long seed, int n) {
        Random r = new Random(seed);
        SecretCorpus parts = new SecretCorpus(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(switch (r.nextInt(10)) {
                case 0 -> "APP_VERSION=" + r.nextInt(30) + "." + r.nextInt(30) + "." + r.nextInt(30) + parts.pick("", "-alpine3.20", "-rc." + r.nextInt(9), "+build." + r.nextInt(999));
                case 1 -> "HOSTNAME=" + parts.pick("orders", "web", "api", "worker") + "-" + parts.chars("bcdfghjklmnpqrstvwxz2456789", 9 + r.nextInt(2)) + "-"
                        + parts.chars("bcdfghjklmnpqrstvwxz2456789", 5);
                case 2 -> "CONTAINER=" + parts.chars(SecretCorpus.HEX, 12);
                case 3 -> "MEMORY_LIMIT=" + (64 << r.nextInt(6)) + parts.pick("m", "Mi", "Gi", "M");
                case 4 -> "TIMEOUT=" + r.nextInt(120) + parts.pick("s", "ms", "m", "h");
                case 5 -> "REQUEST_ID=" + parts.uuid();
                case 6 -> "DATA_DIR=/var/lib/" + parts.pick("orders", "app", "postgresql/data", "mysql") + "/" + r.nextInt(9);
                case 7 -> "UPSTREAM=" + parts.pick("orders", "users", "billing") + "." + parts.pick("shop", "prod", "default") + ".svc.cluster.local:" + (1024 + r.nextInt(9000));
                case 8 -> "INSTANCE_TYPE=" + parts.pick("m5", "c6g", "t3a", "r7i") + "." + parts.pick("large", "xlarge", "2xlarge", "medium");
                default -> "IMAGE=" + parts.pick("nginx", "postgres", "redis", "node") + ":" + r.nextInt(30) + "." + r.nextInt(10) + parts.pick("", "-alpine", "-bookworm", "-slim");
            });
        }
        return out;
    }
}
