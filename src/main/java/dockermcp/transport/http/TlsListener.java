package dockermcp.transport.http;

import dockermcp.config.HttpSettings;
import java.time.ZoneOffset;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.LoggerFactory;

/** The listening connector: plain HTTP/1.1, or TLS 1.2/1.3 with the operator's PEM certificate and key. */
final class TlsListener {

    private TlsListener() {
    }

    static ServerConnector connector(Server server, HttpSettings settings, HttpConfiguration http) {
        ServerConnector connector;
        if (settings.tls() == null) {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        } else {
            PemKeyStore.Loaded keys = PemKeyStore.load(settings.tls().certificate(), settings.tls().key());
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStore(keys.store());
            ssl.setKeyStorePassword(new String(keys.password()));
            ssl.setCertAlias(PemKeyStore.ALIAS);
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ssl.setSniRequired(false);
            HttpConfiguration https = new HttpConfiguration(http);
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // Host names are checked by OriginHostValidator, against MCP_ALLOWED_HOSTS
            https.addCustomizer(secure);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
            LoggerFactory.getLogger(TlsListener.class).info("TLS certificate {} valid until {}", keys.leaf().getSubjectX500Principal().getName(),
                    keys.leaf().getNotAfter().toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        connector.setHost(settings.bindAddress().getHostAddress());
        connector.setPort(settings.port());
        return connector;
    }
}
